using System.Text.Json.Nodes;

namespace Matcher.Ingestion;

/// <summary>A source to check, with what was seen last time and the published calls it may change.</summary>
/// <param name="Kind">Web page or feed.</param>
/// <param name="Url">The source's URL.</param>
/// <param name="CallId">For a web page: the call it is about.</param>
/// <param name="PublishedCalls">The published calls (catalog JSON) by id: for a web page, its call; for a feed, the calls its rows may update.</param>
/// <param name="ETag">The ETag of the last version fetched.</param>
/// <param name="LastModified">The Last-Modified of the last version fetched.</param>
/// <param name="LastHash">The content hash of the last version checked.</param>
public sealed record SourceCheckRequest(
    SourceKind Kind,
    Uri? Url,
    string? CallId,
    IReadOnlyDictionary<string, JsonObject> PublishedCalls,
    string? ETag = null,
    DateTimeOffset? LastModified = null,
    string? LastHash = null);
