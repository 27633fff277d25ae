using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Portal.Services;

namespace Matcher.Portal.ComponentTests;

public sealed class WeightsPreviewTests
{
    private static string[] Items(int n) => Enumerable.Range(0, n).Select(i => "s" + i).ToArray();

    [Fact]
    public void Known_rankings_give_known_correlations()
    {
        string[] a = ["a", "b", "c", "d"];
        Assert.Equal(1, RankComparison.KendallTau(a, a));
        Assert.Equal(-1, RankComparison.KendallTau(a, [.. a.Reverse()]));
        Assert.Equal(-1, RankComparison.Spearman(a, [.. a.Reverse()]), 10);

        // One adjacent swap among four: 5 concordant, 1 discordant pairs; Σd² = 2.
        string[] swapped = ["b", "a", "c", "d"];
        Assert.Equal(4.0 / 6, RankComparison.KendallTau(a, swapped), 10);
        Assert.Equal(1 - (6.0 * 2 / (4 * 15)), RankComparison.Spearman(a, swapped), 10);
    }

    [Fact]
    public void Top_k_lists_what_enters_and_leaves()
    {
        var (entering, leaving) = RankComparison.TopK(["a", "b", "c", "d"], ["c", "a", "d", "b"], 2);
        Assert.Equal(["c"], entering);
        Assert.Equal(["b"], leaving);
    }

    [Property]
    public Property Correlations_are_bounded_symmetric_and_one_on_identity(PositiveInt size, int seed)
    {
        var n = 2 + (size.Get % 15);
        var a = Items(n);
        var rng = new Random(seed);
        string[] b = [.. a.OrderBy(_ => rng.Next())];
        var tau = RankComparison.KendallTau(a, b);
        var rho = RankComparison.Spearman(a, b);
        return (tau is >= -1 and <= 1
                && rho is >= -1 - 1e-9 and <= 1 + 1e-9
                && Math.Abs(tau - RankComparison.KendallTau(b, a)) < 1e-12
                && RankComparison.KendallTau(a, a) == 1
                && Math.Abs(RankComparison.Spearman(a, a) - 1) < 1e-12).ToProperty();
    }

    [Property]
    public Property Entering_and_leaving_the_top_k_balance(PositiveInt size, PositiveInt k, int seed)
    {
        var n = 1 + (size.Get % 20);
        var top = 1 + (k.Get % n);
        var a = Items(n);
        var rng = new Random(seed);
        string[] b = [.. a.OrderBy(_ => rng.Next())];
        var (entering, leaving) = RankComparison.TopK(a, b, top);
        return (entering.Count == leaving.Count
                && entering.All(x => b.Take(top).Contains(x) && !a.Take(top).Contains(x))
                && leaving.All(x => a.Take(top).Contains(x) && !b.Take(top).Contains(x))).ToProperty();
    }

    [Fact]
    public void Active_weights_become_shares_of_100_with_the_same_ratios()
    {
        var input = WeightInput.From(new Matcher.Scoring.ScoringWeights());
        double[] shares = [input.Need, input.Merit, input.Fit, input.Value, input.Urgency, input.Priority];
        Assert.Equal(100, shares.Sum(), 9);
        Assert.Equal(30, input.Need, 9);
        Assert.Equal(input.Fit, input.Value, 9);
        Assert.Equal(1.5, input.Need / input.Merit, 9);
    }

    [Fact]
    public void Weights_follow_the_api_rules()
    {
        Assert.Null(new WeightInput { Need = 30 }.Validate(false));
        Assert.NotNull(new WeightInput().Validate(false));
        Assert.NotNull(new WeightInput { Need = 101 }.Validate(true));
        Assert.NotNull(new WeightInput { Need = double.NaN, Merit = 5 }.Validate(true));
    }
}
