namespace Matcher.Ingestion.Fetching;

/// <summary>A URL to fetch, with the validators of the last version seen.</summary>
/// <param name="Url">Absolute http or https URL.</param>
/// <param name="ETag">The ETag of the last version, sent as If-None-Match.</param>
/// <param name="LastModified">The Last-Modified of the last version, sent as If-Modified-Since.</param>
public sealed record FetchRequest(Uri Url, string? ETag = null, DateTimeOffset? LastModified = null);
