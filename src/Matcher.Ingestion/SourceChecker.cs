using System.Globalization;
using System.Text.Json.Nodes;
using Matcher.Ingestion.Changes;
using Matcher.Ingestion.Feeds;
using Matcher.Ingestion.Fetching;
using Matcher.Ingestion.Text;
using Matcher.Parsing;

namespace Matcher.Ingestion;

/// <summary>
/// One check of a source: fetch (conditional), main text, normalize and hash; a 304 or an equal hash stops there and
/// costs no parse. A change runs the configured call parser (offline or GPT), merges what it found onto the published
/// call and keeps the draft only when some field differs. Nothing is published here: the host stores the proposals as
/// drafts for a person to approve.
/// </summary>
public sealed class SourceChecker(IPageFetcher fetcher, IScholarshipCallParser parser)
{
    /// <summary>Fetches and checks a source.</summary>
    /// <param name="request">The source and what was seen last time.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The outcome; failures are outcomes, not exceptions.</returns>
    public async Task<SourceCheckResult> CheckAsync(SourceCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Url is null)
        {
            return Failed(null, "The source has no URL: upload its text instead.");
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(request.Url, request.ETag, request.LastModified), cancellationToken).ConfigureAwait(false);
        switch (fetch.Outcome)
        {
            case FetchOutcome.NotModified:
                return new SourceCheckResult(SourceCheckStatus.NotModified, fetch, request.LastHash, null, [], []);
            case FetchOutcome.NeedsManualUpload:
                return new SourceCheckResult(SourceCheckStatus.NeedsManualUpload, fetch, request.LastHash, null, [], [fetch.FinalUrl], fetch.Error);
            case FetchOutcome.Content:
                return await CheckContentAsync(request, fetch.Body!, fetch.MediaType, fetch, cancellationToken).ConfigureAwait(false);
            default:
                return Failed(fetch, fetch.Error ?? fetch.Outcome.ToString());
        }
    }

    /// <summary>Checks text that was uploaded by hand (or fetched elsewhere): the same hashing, parsing and diff as a fetch.</summary>
    /// <param name="request">The source and what was seen last time.</param>
    /// <param name="content">The text: HTML, plain text, or a feed (JSON/CSV).</param>
    /// <param name="mediaType">Its media type, when known.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The outcome.</returns>
    public Task<SourceCheckResult> CheckTextAsync(SourceCheckRequest request, string content, string? mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(content);
        return CheckContentAsync(request, content, mediaType, null, cancellationToken);
    }

    private async Task<SourceCheckResult> CheckContentAsync(SourceCheckRequest request, string body, string? mediaType, FetchResult? fetch, CancellationToken cancellationToken)
    {
        var feed = request.Kind == SourceKind.Feed || (request.Kind == SourceKind.Manual && request.CallId is null && CatalogFeed.LooksLikeFeed(body));
        if (feed)
        {
            return await CheckFeedAsync(request, body, mediaType, fetch, cancellationToken).ConfigureAwait(false);
        }

        var html = mediaType is "text/html" or "application/xhtml+xml" || (mediaType is null && body.TrimStart().StartsWith('<'));
        var page = html ? HtmlText.Extract(body, fetch?.FinalUrl) : new ExtractedPage(null, TextNormalizer.Normalize(body), [], []);
        var hash = ContentHash.OfNormalized(page.Text);
        if (string.Equals(hash, request.LastHash, StringComparison.Ordinal))
        {
            return new SourceCheckResult(SourceCheckStatus.Unchanged, fetch, hash, page.Text, [], page.Documents);
        }

        if (request.CallId is null || !request.PublishedCalls.TryGetValue(request.CallId, out var published))
        {
            return new SourceCheckResult(SourceCheckStatus.Failed, fetch, hash, page.Text, [], page.Documents, $"The call '{request.CallId}' of this source is not in the catalog.");
        }

        if (page.Text.Length == 0)
        {
            return new SourceCheckResult(SourceCheckStatus.Failed, fetch, hash, page.Text, [], page.Documents, "The page has no text (is it built by JavaScript?). Upload its text instead.");
        }

        ParseResult<ScholarshipDraft> parsed;
        try
        {
            parsed = await parser.ParseAsync(page.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (TextParseException ex)
        {
            return new SourceCheckResult(SourceCheckStatus.Failed, fetch, null, page.Text, [], page.Documents, $"The parser failed: {ex.Message}");
        }

        var (draftJson, issues) = DraftOf(parsed);
        var draft = CallMerge.Merge(published, draftJson);
        var changes = CallDiff.Compare(published, draft);
        if (changes.Count == 0)
        {
            return new SourceCheckResult(SourceCheckStatus.NoFieldChanges, fetch, hash, page.Text, [], page.Documents);
        }

        var proposal = new CallProposal(request.CallId, draft.ToJsonString(), changes, page.Text, issues);
        return new SourceCheckResult(SourceCheckStatus.Changed, fetch, hash, page.Text, [proposal], page.Documents);
    }

    private async Task<SourceCheckResult> CheckFeedAsync(SourceCheckRequest request, string body, string? mediaType, FetchResult? fetch, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(body);
        var hash = ContentHash.OfNormalized(normalized);
        if (string.Equals(hash, request.LastHash, StringComparison.Ordinal))
        {
            return new SourceCheckResult(SourceCheckStatus.Unchanged, fetch, hash, null, [], []);
        }

        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = CatalogFeed.Read(body, mediaType);
        }
        catch (FeedFormatException ex)
        {
            return new SourceCheckResult(SourceCheckStatus.Failed, fetch, null, null, [], [], $"The feed has {ex.Errors.Count} error(s): {ex.Message}", ex.Errors);
        }

        var unknown = entries.Where(e => !request.PublishedCalls.ContainsKey(e.Id)).ToArray();
        if (unknown.Length > 0)
        {
            var errors = unknown.Select(e => new FeedError(e.Line, "id", $"La convocatoria '{e.Id}' no está en el catálogo de este proveedor.", $"The call '{e.Id}' is not in this provider's catalog.")).ToArray();
            return new SourceCheckResult(SourceCheckStatus.Failed, fetch, null, null, [], [], $"The feed names {unknown.Length} call(s) that are not this provider's.", errors);
        }

        var proposals = new List<CallProposal>();
        foreach (var entry in entries)
        {
            JsonObject? requirements = null;
            IReadOnlyList<string> issues = [];
            if (entry.RequirementsText is { } text)
            {
                try
                {
                    (requirements, issues) = DraftOf(await parser.ParseAsync(text, cancellationToken).ConfigureAwait(false));
                }
                catch (TextParseException ex)
                {
                    return new SourceCheckResult(SourceCheckStatus.Failed, fetch, null, null, [], [], $"The parser failed on line {entry.Line}: {ex.Message}");
                }
            }

            var published = request.PublishedCalls[entry.Id];
            var draft = CallMerge.Apply(published, entry, requirements);
            var changes = CallDiff.Compare(published, draft);
            if (changes.Count > 0)
            {
                proposals.Add(new CallProposal(entry.Id, draft.ToJsonString(), changes, RowText(entry), issues));
            }
        }

        return new SourceCheckResult(proposals.Count > 0 ? SourceCheckStatus.Changed : SourceCheckStatus.NoFieldChanges, fetch, hash, normalized, proposals, []);
    }

    private static (JsonObject Draft, IReadOnlyList<string> Issues) DraftOf(ParseResult<ScholarshipDraft> parsed)
    {
        var json = JsonNode.Parse(ParseResultJson.Serialize(parsed, CultureInfo.GetCultureInfo("es-PE"), indented: false))!;
        var issues = (json["issues"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(i => i["path"] is { } path ? $"{path}: {i["message"]}" : i["message"]?.ToString() ?? "")
            .ToArray();
        return (json["draft"] as JsonObject ?? [], issues);
    }

    private static string RowText(FeedEntry entry) => string.Join('\n', new[]
    {
        $"id: {entry.Id}",
        entry.Name is null ? null : $"name: {entry.Name}",
        entry.Url is null ? null : $"url: {entry.Url}",
        entry.Deadline is null ? null : $"deadline: {entry.Deadline:yyyy-MM-dd}",
        entry.Vacancies is null ? null : $"vacancies: {entry.Vacancies}",
        entry.RequirementsText is null ? null : $"requirementsText: {entry.RequirementsText}",
    }.Where(l => l is not null));

    private static SourceCheckResult Failed(FetchResult? fetch, string error) => new(SourceCheckStatus.Failed, fetch, null, null, [], [], error);
}
