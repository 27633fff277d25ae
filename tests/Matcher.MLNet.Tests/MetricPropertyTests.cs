using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.MLNet.Evaluation;

namespace Matcher.MLNet;

public class MetricPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Ndcg_IsBetweenZeroAndOne_AndOneForTheIdealOrder(int[] raw, PositiveInt k)
    {
        var rels = (raw ?? []).Select(r => Math.Abs(r % 4)).ToArray();
        var ideal = rels.OrderByDescending(r => r).ToArray();
        var n = RankingEvaluator.Ndcg(rels, k.Get);
        var best = RankingEvaluator.Ndcg(ideal, k.Get);
        var anyRelevant = rels.Any(r => r > 0);
        return (n >= 0 && n <= 1 + 1e-12 && (anyRelevant ? Math.Abs(best - 1) < 1e-12 : best == 0)).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property AveragePrecision_IsOneWhenRelevantCallsComeFirst(PositiveInt relevant, PositiveInt irrelevant)
    {
        var rels = Enumerable.Repeat(1, relevant.Get % 20).Concat(Enumerable.Repeat(0, irrelevant.Get % 20)).ToArray();
        var ap = RankingEvaluator.AveragePrecision(rels);
        var reversed = RankingEvaluator.AveragePrecision(rels.Reverse().ToArray());
        return (rels.Any(r => r > 0) ? Math.Abs(ap - 1) < 1e-12 && reversed <= ap : ap == 0).ToProperty();
    }
}
