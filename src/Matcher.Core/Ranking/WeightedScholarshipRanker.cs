using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.Options;

namespace Matcher.Ranking;

/// <summary>Ranks by the weighted mean of the score components; ties broken by scholarship id.</summary>
internal sealed class WeightedScholarshipRanker : IScholarshipRanker
{
    private readonly double[] _weights;
    private readonly double _total;

    public WeightedScholarshipRanker(IOptions<MatcherOptions> options)
    {
        _weights = options.Value.Weights.ToArray();
        _total = _weights.Sum();
    }

    public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates) =>
        Rank(candidates, _weights, _total);

    internal static IReadOnlyList<RankedCandidate> Rank(IReadOnlyList<ScoredCandidate> candidates, double[] weights, double total)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranked = new RankedCandidate[candidates.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = Weigh(candidates[i], weights, total);
        }

        Array.Sort(ranked, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Candidate.Scholarship.Id, b.Candidate.Scholarship.Id);
        });
        return ranked;
    }

    internal ReadOnlySpan<double> Weights => _weights;

    internal double TotalWeight => _total;

    internal RankedCandidate Weigh(ScoredCandidate candidate) => Weigh(candidate, _weights, _total);

    internal static RankedCandidate Weigh(ScoredCandidate candidate, double[] weights, double total)
    {
        var values = candidate.Components.ToArray();
        Span<double> contributions = stackalloc double[values.Length];
        var score = ScoreCalculator.Weighted(weights, total, values, contributions);
        var breakdown = new Dictionary<string, double>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            breakdown[ScoreComponents.Names[i]] = contributions[i];
        }

        return new RankedCandidate(candidate, score, breakdown);
    }
}
