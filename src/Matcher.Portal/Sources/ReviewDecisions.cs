using System.Security.Claims;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Sources;

/// <summary>What a decision on a review came to.</summary>
internal enum ReviewDecisionOutcome
{
    Ok,
    NotFound,
    Forbidden,
    AlreadyDecided,
    CallChanged,
}

/// <summary>The outcome of approving or rejecting, with the catalog version an approval published.</summary>
internal sealed record ReviewDecision(ReviewDecisionOutcome Outcome, CallReview? Review = null, string? CatalogVersion = null, int? CallRevision = null);

/// <summary>
/// Approving publishes the review's draft revision through the catalog editor (new catalog version, audit entry by the
/// approver); it is refused when the call changed since the draft was written. Rejecting puts the published version back
/// as the draft and keeps the review, with who rejected it and why.
/// </summary>
internal sealed class ReviewDecisions(IDbContextFactory<MatcherDbContext> databases, CatalogEditor editor, TimeProvider time)
{
    public async Task<ReviewDecision> ApproveAsync(ClaimsPrincipal user, int id, string? comment, CancellationToken cancellationToken)
    {
        var (review, call, failure) = await LoadAsync(user, id, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (review!.DraftRevision != call!.Revision)
        {
            return new ReviewDecision(ReviewDecisionOutcome.CallChanged, review, CallRevision: call.Revision);
        }

        var published = await editor.PublishAsync(user, call.Id, call.Revision, cancellationToken).ConfigureAwait(false);
        if (published.Outcome != CallEditOutcome.Ok)
        {
            return published.Outcome == CallEditOutcome.Forbidden
                ? new ReviewDecision(ReviewDecisionOutcome.Forbidden)
                : new ReviewDecision(ReviewDecisionOutcome.CallChanged, review, CallRevision: published.Call?.Revision);
        }

        await DecideAsync(user, review, ReviewStatus.Approved, comment, cancellationToken).ConfigureAwait(false);
        return new ReviewDecision(ReviewDecisionOutcome.Ok, review, published.CatalogVersion, published.Call!.Revision);
    }

    public async Task<ReviewDecision> RejectAsync(ClaimsPrincipal user, int id, string? comment, CancellationToken cancellationToken)
    {
        var (review, call, failure) = await LoadAsync(user, id, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var revision = call!.Revision;
        if (review!.DraftRevision == call.Revision && call.PublishedJson is { } publishedJson)
        {
            // The draft is this review's: put the published version back, so the call has nothing pending.
            var restored = await editor.UpdateDraftAsync(user, call.Id, call.Revision, publishedJson, cancellationToken).ConfigureAwait(false);
            revision = restored.Call?.Revision ?? revision;
        }

        await DecideAsync(user, review, ReviewStatus.Rejected, comment, cancellationToken).ConfigureAwait(false);
        return new ReviewDecision(ReviewDecisionOutcome.Ok, review, CallRevision: revision);
    }

    private async Task<(CallReview? Review, ScholarshipCall? Call, ReviewDecision? Failure)> LoadAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (review is null)
        {
            return (null, null, new ReviewDecision(ReviewDecisionOutcome.NotFound));
        }

        if (!await CatalogEditor.MayEditAsync(db, user, review.ProviderId, cancellationToken).ConfigureAwait(false))
        {
            return (null, null, new ReviewDecision(ReviewDecisionOutcome.Forbidden));
        }

        if (review.Status != ReviewStatus.Pending)
        {
            return (null, null, new ReviewDecision(ReviewDecisionOutcome.AlreadyDecided, review));
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == review.CallId, cancellationToken).ConfigureAwait(false);
        return (review, call, null);
    }

    private async Task DecideAsync(ClaimsPrincipal user, CallReview review, string status, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Reviews.SingleAsync(r => r.Id == review.Id, cancellationToken).ConfigureAwait(false);
        var actor = CurrentActor.Name(user);
        row.Status = status;
        row.DecidedBy = actor;
        row.DecidedAt = time.GetUtcNow();
        row.Comment = comment is { Length: > 1000 } ? comment[..1000] : comment;
        AuditLog.Add(db, time, actor, status == ReviewStatus.Approved ? "review.approve" : "review.reject", "call", row.CallId, $"review {row.Id}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        review.Status = row.Status;
        review.DecidedBy = row.DecidedBy;
        review.DecidedAt = row.DecidedAt;
        review.Comment = row.Comment;
    }
}
