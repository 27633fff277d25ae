using Matcher.MLNet.Evaluation;
using Matcher.Portal.Data;
using Matcher.Portal.Students;
using Matcher.Ranking;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Services;

/// <summary>
/// Ranking metrics of the ranker in use on the recorded outcomes (NDCG@5/10, MAP, recall@10, coverage, fairness by
/// group) for the analyst dashboard, computed by Matcher.MLNet's evaluator on the held-out share of the outcomes.
/// </summary>
internal sealed class RankingMetrics(IServiceProvider services, IDbContextFactory<MatcherDbContext> databases, StudentVault vault, IScholarshipRanker ranker)
{
    /// <summary>The metrics, or <see langword="null"/> with the number of outcomes when there are too few to evaluate.</summary>
    public async Task<(EvaluationReport? Report, int Outcomes)> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = await RecordedOutcomes.LoadAsync(db, vault, cancellationToken).ConfigureAwait(false);
        if (outcomes.Count == 0)
        {
            return (null, 0);
        }

        try
        {
            return (RankingEvaluator.Evaluate(services, outcomes, ranker), outcomes.Count);
        }
        catch (ArgumentException)
        {
            // Too few outcomes for a held-out split: the dashboard says so instead of showing noise.
            return (null, outcomes.Count);
        }
    }
}
