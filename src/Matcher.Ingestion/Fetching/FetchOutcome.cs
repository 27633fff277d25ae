namespace Matcher.Ingestion.Fetching;

/// <summary>What a fetch came to.</summary>
public enum FetchOutcome
{
    /// <summary>The body was read (HTML, JSON, CSV or plain text).</summary>
    Content,

    /// <summary>The server answered 304: nothing changed since the ETag / Last-Modified sent.</summary>
    NotModified,

    /// <summary>The URL is a PDF (or another document): a person must upload its text.</summary>
    NeedsManualUpload,

    /// <summary>robots.txt disallows the URL for this agent.</summary>
    DisallowedByRobots,

    /// <summary>The URL, a redirect or a resolved address points somewhere not allowed (private network, other scheme).</summary>
    Blocked,

    /// <summary>The body is larger than the limit.</summary>
    TooLarge,

    /// <summary>The content type is not one that is read.</summary>
    UnsupportedContentType,

    /// <summary>The server kept failing (5xx, 4xx, network errors, timeouts) after the retries.</summary>
    Failed,
}
