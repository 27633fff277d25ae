namespace Matcher.Portal.Services;

/// <summary>How two rankings of the same items differ: rank correlation and the top-k entering and leaving.</summary>
public static class RankComparison
{
    /// <summary>
    /// Kendall's τ-a over the items both rankings hold: 1 when they agree on every pair, −1 when every pair is swapped.
    /// With fewer than two common items the rankings cannot disagree, and τ is 1.
    /// </summary>
    public static double KendallTau(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var (a, b) = CommonRanks(before, after);
        var n = a.Length;
        if (n < 2)
        {
            return 1;
        }

        long concordant = 0, discordant = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var sign = Math.Sign(a[i] - a[j]) * Math.Sign(b[i] - b[j]);
                if (sign > 0)
                {
                    concordant++;
                }
                else if (sign < 0)
                {
                    discordant++;
                }
            }
        }

        return (concordant - discordant) / (n * (n - 1) / 2.0);
    }

    /// <summary>Spearman's ρ over the items both rankings hold (no ties: ranks are positions); 1 with fewer than two.</summary>
    public static double Spearman(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var (a, b) = CommonRanks(before, after);
        var n = a.Length;
        if (n < 2)
        {
            return 1;
        }

        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return 1 - (6 * sum / (n * ((double)n * n - 1)));
    }

    /// <summary>The items in the top k after but not before (entering), and before but not after (leaving), in rank order.</summary>
    public static (IReadOnlyList<string> Entering, IReadOnlyList<string> Leaving) TopK(IReadOnlyList<string> before, IReadOnlyList<string> after, int k)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var oldTop = before.Take(k).ToHashSet(StringComparer.Ordinal);
        var newTop = after.Take(k).ToHashSet(StringComparer.Ordinal);
        return (after.Take(k).Where(x => !oldTop.Contains(x)).ToList(), before.Take(k).Where(x => !newTop.Contains(x)).ToList());
    }

    /// <summary>Positions (in <paramref name="before"/> and in <paramref name="after"/>) of the items both hold, re-ranked 0..n-1.</summary>
    private static (int[] Before, int[] After) CommonRanks(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var inAfter = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < after.Count; i++)
        {
            inAfter.TryAdd(after[i], i);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var common = before.Where(x => inAfter.ContainsKey(x) && seen.Add(x)).ToList();

        // Ranks among the common items only, so that items present in one list do not shift the other's positions.
        var afterOrder = common.OrderBy(x => inAfter[x]).Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        return (Enumerable.Range(0, common.Count).ToArray(), common.Select(x => afterOrder[x]).ToArray());
    }
}
