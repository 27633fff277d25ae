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

    public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranked = new RankedCandidate[candidates.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = Weigh(candidates[i]);
        }

        Array.Sort(ranked, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Candidate.Scholarship.Id, b.Candidate.Scholarship.Id);
        });
        return ranked;
    }

    internal RankedCandidate Weigh(ScoredCandidate candidate)
    {
        var values = candidate.Components.ToArray();
        var breakdown = new Dictionary<string, double>(values.Length, StringComparer.Ordinal);
        var score = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var contribution = _weights[i] * values[i] / _total;
            breakdown[ScoreComponents.Names[i]] = Math.Round(contribution, 4, MidpointRounding.ToEven);
            score += contribution;
        }

        return new RankedCandidate(candidate, Math.Round(score, 4, MidpointRounding.ToEven), breakdown);
    }
}
