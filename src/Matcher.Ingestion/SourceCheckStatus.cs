namespace Matcher.Ingestion;

/// <summary>What a check of a source came to.</summary>
public enum SourceCheckStatus
{
    /// <summary>The server answered 304: nothing fetched, nothing parsed.</summary>
    NotModified,

    /// <summary>The normalized text has the same hash as last time: nothing parsed.</summary>
    Unchanged,

    /// <summary>The text changed and at least one call's fields differ: see the proposals.</summary>
    Changed,

    /// <summary>The text changed, but the parsed fields equal the published call's: nothing to review.</summary>
    NoFieldChanges,

    /// <summary>The source is a document (PDF): its text must be uploaded by hand.</summary>
    NeedsManualUpload,

    /// <summary>The fetch, the feed or the parse failed: see the error.</summary>
    Failed,
}
