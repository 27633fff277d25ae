using Matcher.Scoring;

namespace Matcher.Ranking;

/// <summary>A candidate with its final score (0–1, comparable within one report) and the contribution of each part.</summary>
/// <param name="Candidate">The scored candidate.</param>
/// <param name="Score">The final score.</param>
/// <param name="Breakdown">Contribution of each component to <paramref name="Score"/>, by name; they add up to it (up to rounding).</param>
public sealed record RankedCandidate(ScoredCandidate Candidate, double Score, IReadOnlyDictionary<string, double> Breakdown);
