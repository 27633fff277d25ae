namespace Matcher.Ingestion.Fetching;

/// <summary>What a fetch returned.</summary>
/// <param name="Outcome">What it came to.</param>
/// <param name="Url">The URL asked for.</param>
/// <param name="FinalUrl">The URL after redirects.</param>
/// <param name="StatusCode">The last HTTP status, when a server answered.</param>
/// <param name="MediaType">The body's media type (e.g. <c>text/html</c>).</param>
/// <param name="Body">The body's text, for <see cref="FetchOutcome.Content"/>.</param>
/// <param name="ETag">The ETag answered, to send next time.</param>
/// <param name="LastModified">The Last-Modified answered, to send next time.</param>
/// <param name="Error">Why it failed, in English, for logs and the check history (never page content).</param>
public sealed record FetchResult(
    FetchOutcome Outcome,
    Uri Url,
    Uri FinalUrl,
    int? StatusCode = null,
    string? MediaType = null,
    string? Body = null,
    string? ETag = null,
    DateTimeOffset? LastModified = null,
    string? Error = null)
{
    /// <summary>Whether the outcome is a failure to record (anything but content, 304 or a document to upload).</summary>
    public bool IsFailure => Outcome is not (FetchOutcome.Content or FetchOutcome.NotModified or FetchOutcome.NeedsManualUpload);
}
