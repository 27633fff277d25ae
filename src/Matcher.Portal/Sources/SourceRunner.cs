using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Ingestion;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Sources;

/// <summary>The stored outcome of one check.</summary>
/// <param name="Outcome">The outcome (<c>changed</c>, <c>unchanged</c>, <c>not-modified</c>, <c>no-field-changes</c>, <c>needs-manual-upload</c>, <c>failed</c>).</param>
/// <param name="Error">Why it failed, or what to do (for a PDF).</param>
/// <param name="ReviewIds">The reviews it created.</param>
/// <param name="FeedErrors">A feed's problems by line and field.</param>
internal sealed record SourceRun(string Outcome, string? Error, IReadOnlyList<int> ReviewIds, IReadOnlyList<Matcher.Ingestion.Feeds.FeedError> FeedErrors);

/// <summary>
/// Checks one source and stores what came of it: the source's validators, hash and status, a history row, and for every
/// call whose fields changed a review with a draft revision written through the <see cref="CatalogEditor"/> (so the
/// published call stays as it is until a person approves). A call with unpublished edits by a person keeps them: the
/// review is stored without touching its draft.
/// </summary>
internal sealed partial class SourceRunner(
    IDbContextFactory<MatcherDbContext> databases,
    SourceChecker checker,
    CatalogEditor editor,
    TimeProvider time,
    ILogger<SourceRunner> logger)
{
    /// <summary>The actor of drafts written from sources.</summary>
    public const string Actor = "ingestion";

    private static readonly ClaimsPrincipal System = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "system:ingestion"), new Claim(ClaimTypes.Name, Actor), new Claim(ClaimTypes.Role, PortalRoles.Admin)],
        "system"));

    public async Task<SourceRun?> CheckAsync(int sourceId, string triggeredBy, string? uploaded, string? mediaType, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == sourceId, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var kind = SourceKinds.Parse(source.Kind);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.ProviderId == source.ProviderId && (source.CallId == null || c.Id == source.CallId))
            .Select(c => new { c.Id, Json = c.PublishedJson ?? c.DraftJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var published = calls.ToDictionary(c => c.Id, c => JsonNode.Parse(c.Json)!.AsObject(), StringComparer.Ordinal);
        var request = new SourceCheckRequest(kind, source.Url is null ? null : new Uri(source.Url), source.CallId, published, source.ETag, source.LastModified, source.LastContentHash);

        SourceCheckResult result;
        try
        {
            result = uploaded is null
                ? await checker.CheckAsync(request, cancellationToken).ConfigureAwait(false)
                : await checker.CheckTextAsync(request, uploaded, mediaType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCheckCrashed(source.Id, ex);
            result = new SourceCheckResult(SourceCheckStatus.Failed, null, null, null, [], [], $"The check failed unexpectedly ({ex.GetType().Name}).");
        }

        var reviews = new List<int>();
        string? proposalError = null;
        foreach (var proposal in result.Proposals)
        {
            var (reviewId, refused) = await ProposeAsync(source, proposal, cancellationToken).ConfigureAwait(false);
            if (reviewId is { } id)
            {
                reviews.Add(id);
            }

            proposalError ??= refused;
        }

        var failed = result.Status == SourceCheckStatus.Failed || proposalError is not null;
        var outcome = failed ? "failed" : SourceKinds.Outcome(result.Status);
        var error = proposalError ?? result.Error;
        var now = time.GetUtcNow();
        source.LastCheckedAt = now;
        source.NextCheckAt = now + TimeSpan.FromMinutes(source.IntervalMinutes);
        source.Status = outcome;
        source.LastError = Truncate(error);
        source.ConsecutiveFailures = failed ? source.ConsecutiveFailures + 1 : 0;
        if (!failed)
        {
            // A failed check keeps the last validators and hash, so the next check sees the change again.
            source.ETag = result.Fetch?.ETag ?? source.ETag;
            source.LastModified = result.Fetch?.LastModified ?? source.LastModified;
            source.LastContentHash = result.ContentHash ?? source.LastContentHash;
        }

        var duration = time.GetElapsedTime(started);
        db.SourceChecks.Add(new SourceCheck
        {
            SourceId = source.Id,
            CheckedAt = now,
            TriggeredBy = triggeredBy,
            Outcome = outcome,
            HttpStatus = result.Fetch?.StatusCode,
            ContentHash = result.ContentHash,
            Error = Truncate(error),
            ReviewsCreated = reviews.Count,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        IngestionMetrics.Record(source.Id, outcome, reviews.Count, duration);
        LogChecked(source.Id, outcome, reviews.Count);
        return new SourceRun(outcome, error, reviews, result.FeedErrors ?? []);
    }

    private async Task<(int? ReviewId, string? Error)> ProposeAsync(CatalogSource source, CallProposal proposal, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == proposal.CallId, cancellationToken).ConfigureAwait(false);
        var pending = await db.Reviews.Where(r => r.CallId == call.Id && r.Status == ReviewStatus.Pending).ToListAsync(cancellationToken).ConfigureAwait(false);
        var draftIsFree = string.Equals(call.DraftJson, call.PublishedJson, StringComparison.Ordinal) || pending.Any(r => r.DraftRevision == call.Revision);
        int? draftRevision = null;
        if (draftIsFree)
        {
            var edit = await editor.UpdateDraftAsync(System, call.Id, call.Revision, proposal.DraftJson, cancellationToken).ConfigureAwait(false);
            switch (edit.Outcome)
            {
                case CallEditOutcome.Ok:
                    draftRevision = edit.Call!.Revision;
                    break;
                case CallEditOutcome.Invalid:
                    return (null, Truncate($"The draft read from the source is not a valid catalog entry for {call.Id}: "
                        + string.Join("; ", edit.Errors!.Select(e => $"{e.Path} {e.Code}"))));
                default:
                    // Somebody edited the call at the same moment: keep their draft; the review waits without one.
                    break;
            }
        }

        foreach (var older in pending)
        {
            older.Status = ReviewStatus.Superseded;
        }

        var review = new CallReview
        {
            SourceId = source.Id,
            CallId = call.Id,
            ProviderId = call.ProviderId,
            Status = ReviewStatus.Pending,
            DraftRevision = draftRevision,
            BaseRevision = call.PublishedRevision,
            DraftJson = proposal.DraftJson,
            ChangesJson = JsonSerializer.Serialize(proposal.Changes.Select(c => new ReviewChange(c.Path, c.Kind.ToString().ToLowerInvariant(), c.Before, c.After)), SourcesJson.Options),
            SourceText = proposal.SourceText,
            IssuesJson = JsonSerializer.Serialize(proposal.Issues, SourcesJson.Options),
            CreatedAt = time.GetUtcNow(),
        };
        db.Reviews.Add(review);
        AuditLog.Add(db, time, Actor, "review.create", "call", call.Id, $"source {source.Id}; {proposal.Changes.Count} change(s): {Truncate(string.Join(", ", proposal.Changes.Select(c => c.Path)), 800)}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (review.Id, null);
    }

    private static string? Truncate(string? text, int length = 1000) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";

    [LoggerMessage(1, LogLevel.Information, "Source {SourceId} checked: {Outcome}, {Reviews} review(s) created.")]
    private partial void LogChecked(int sourceId, string outcome, int reviews);

    [LoggerMessage(2, LogLevel.Error, "Checking source {SourceId} failed unexpectedly.")]
    private partial void LogCheckCrashed(int sourceId, Exception exception);
}

/// <summary>One change of a review, as stored and served.</summary>
public sealed record ReviewChange(string Path, string Kind, string? Before, string? After);

/// <summary>Review statuses.</summary>
internal static class ReviewStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
}

/// <summary>JSON settings of the stored review columns.</summary>
internal static class SourcesJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>Source kinds and outcomes as stored.</summary>
internal static class SourceKinds
{
    public static SourceKind Parse(string kind) => kind switch
    {
        "feed" => SourceKind.Feed,
        "manual" => SourceKind.Manual,
        _ => SourceKind.Web,
    };

    public static bool IsKnown(string? kind) => kind is "web" or "feed" or "manual";

    public static string Outcome(SourceCheckStatus status) => status switch
    {
        SourceCheckStatus.NotModified => "not-modified",
        SourceCheckStatus.Unchanged => "unchanged",
        SourceCheckStatus.Changed => "changed",
        SourceCheckStatus.NoFieldChanges => "no-field-changes",
        SourceCheckStatus.NeedsManualUpload => "needs-manual-upload",
        _ => "failed",
    };
}
