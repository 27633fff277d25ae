using System.Globalization;
using System.Text.Json;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Matcher.Portal.Sources;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>
/// The review queue of drafts made from sources (providers on their own calls, admins, API keys with
/// <c>catalog:write</c>): each with its field-by-field diff and source text; approve publishes, reject keeps it in the history.
/// </summary>
internal static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Catalog reviews").RequireAuthorization(PortalPolicies.CatalogWrite);
        group.MapGet("/", List).WithName("ListReviews").WithSummary("Reviews, pending ones by default (?status=all|pending|approved|rejected|superseded).");
        group.MapGet("/count", Count).WithName("CountReviews").WithSummary("How many drafts wait for review (for the portal's badge).");
        group.MapGet("/{id:int}", Get).WithName("GetReview").WithSummary("A review: the diff, the source text, the draft and the published version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/approve", Approve).WithName("ApproveReview").WithSummary("Publishes the draft: a new catalog version, audited.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:int}/reject", Reject).WithName("RejectReview").WithSummary("Rejects the draft; the published call stays, the review is kept.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<MatcherDbContext> databases, string? status)
    {
        var culture = ApiProblems.Culture(http);
        status ??= ReviewStatus.Pending;
        if (status is not ("all" or ReviewStatus.Pending or ReviewStatus.Approved or ReviewStatus.Rejected or ReviewStatus.Superseded))
        {
            return ApiProblems.Field("status", "Use all, pending, approved, rejected o superseded.", "Use all, pending, approved, rejected or superseded.", culture);
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var query = await ScopeAsync(db, http).ConfigureAwait(false);
        if (status != "all")
        {
            query = query.Where(r => r.Status == status);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(500).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(r => new ReviewListItem(
            r.Id, r.CallId, providers.GetValueOrDefault(r.ProviderId), r.SourceId, r.Status, r.CreatedAt,
            JsonSerializer.Deserialize<ReviewChange[]>(r.ChangesJson, SourcesJson.Options)!.Length, r.DecidedBy, r.DecidedAt)).ToArray());
    }

    private static async Task<IResult> Count(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var query = await ScopeAsync(db, http).ConfigureAwait(false);
        return TypedResults.Ok(new ReviewCount(await query.CountAsync(r => r.Status == ReviewStatus.Pending, http.RequestAborted).ConfigureAwait(false)));
    }

    private static async Task<IResult> Get(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases)
    {
        var culture = ApiProblems.Culture(http);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (review is null)
        {
            return ApiProblems.NotFound(culture, $"review {id}");
        }

        if (!await CatalogEditor.MayEditAsync(db, http.User, review.ProviderId, http.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.Forbidden(culture);
        }

        var call = await db.Calls.AsNoTracking().Include(c => c.Provider).SingleAsync(c => c.Id == review.CallId, http.RequestAborted).ConfigureAwait(false);
        var source = review.SourceId is { } sid ? await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid, http.RequestAborted).ConfigureAwait(false) : null;
        return TypedResults.Ok(View(review, call, source));
    }

    private static async Task<IResult> Approve(HttpContext http, int id, ReviewDecisions decisions)
    {
        var comment = await CommentAsync(http).ConfigureAwait(false);
        var decision = await decisions.ApproveAsync(http.User, id, comment, http.RequestAborted).ConfigureAwait(false);
        return Result(decision, ApiProblems.Culture(http), id);
    }

    private static async Task<IResult> Reject(HttpContext http, int id, ReviewDecisions decisions)
    {
        var comment = await CommentAsync(http).ConfigureAwait(false);
        var decision = await decisions.RejectAsync(http.User, id, comment, http.RequestAborted).ConfigureAwait(false);
        return Result(decision, ApiProblems.Culture(http), id);
    }

    private static IResult Result(ReviewDecision decision, CultureInfo culture, int id) => decision.Outcome switch
    {
        ReviewDecisionOutcome.Ok => TypedResults.Ok(new ReviewDecisionView(id, decision.Review!.Status, decision.CatalogVersion, decision.CallRevision)),
        ReviewDecisionOutcome.NotFound => ApiProblems.NotFound(culture, $"review {id}"),
        ReviewDecisionOutcome.Forbidden => ApiProblems.Forbidden(culture),
        ReviewDecisionOutcome.AlreadyDecided => ApiProblems.Conflict(
            $"Esta revisión ya fue resuelta ({decision.Review!.Status}).", $"This review was already decided ({decision.Review!.Status}).", culture, decision.Review.DraftRevision ?? 0),
        _ => ApiProblems.Conflict(
            $"La convocatoria cambió después de este borrador (revisión actual {decision.CallRevision}). Revise la fuente de nuevo o edite la convocatoria.",
            $"The call changed after this draft (current revision {decision.CallRevision}). Check the source again or edit the call.",
            culture,
            decision.CallRevision ?? 0),
    };

    private static async Task<string?> CommentAsync(HttpContext http)
    {
        if (http.Request.ContentLength == 0 || !http.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            var body = await http.Request.ReadFromJsonAsync<ReviewDecisionRequest>(http.RequestAborted).ConfigureAwait(false);
            return body?.Comment;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<IQueryable<CallReview>> ScopeAsync(MatcherDbContext db, HttpContext http)
    {
        var query = db.Reviews.AsNoTracking();
        return await SourceEndpoints.OwnProviderAsync(db, http.User, http.RequestAborted).ConfigureAwait(false) is { } own
            ? query.Where(r => r.ProviderId == own)
            : query;
    }

    private static ReviewView View(CallReview r, ScholarshipCall call, CatalogSource? source) => new(
        r.Id,
        r.CallId,
        call.Provider?.Name,
        r.SourceId,
        source?.Url,
        r.Status,
        r.CreatedAt,
        r.DraftRevision,
        r.BaseRevision,
        call.Revision,
        JsonSerializer.Deserialize<ReviewChange[]>(r.ChangesJson, SourcesJson.Options)!,
        JsonSerializer.Deserialize<string[]>(r.IssuesJson, SourcesJson.Options)!,
        r.SourceText,
        JsonDocument.Parse(r.DraftJson).RootElement.Clone(),
        call.PublishedJson is null ? null : JsonDocument.Parse(call.PublishedJson).RootElement.Clone(),
        r.DecidedBy,
        r.DecidedAt,
        r.Comment);
}

/// <summary>A review in the queue.</summary>
public sealed record ReviewListItem(int Id, string CallId, string? Provider, int? SourceId, string Status, DateTimeOffset CreatedAt, int Changes, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>How many drafts wait.</summary>
public sealed record ReviewCount(int Pending);

/// <summary>A review with everything needed to decide it.</summary>
public sealed record ReviewView(
    int Id, string CallId, string? Provider, int? SourceId, string? SourceUrl, string Status, DateTimeOffset CreatedAt, int? DraftRevision, int? BaseRevision,
    int CallRevision, IReadOnlyList<ReviewChange> Changes, IReadOnlyList<string> Issues, string SourceText, JsonElement Draft, JsonElement? Published,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>An optional comment on a decision.</summary>
public sealed record ReviewDecisionRequest(string? Comment);

/// <summary>What a decision did.</summary>
public sealed record ReviewDecisionView(int Id, string Status, string? CatalogVersion, int? CallRevision);
