using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.Ranking;

/// <summary>
/// Orders a student's candidate scholarships. The default is a weighted sum of the explainable score components;
/// learned rankers (Matcher.MLNet, Matcher.Keras) replace it.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic: the same input gives the same order, ties broken by
/// scholarship id. The pipeline keeps the ranker's order within each group but always lists calls that are open or
/// upcoming before closed ones, and eligible candidates before unknown ones.
/// </remarks>
public interface IScholarshipRanker
{
    /// <summary>Scores and orders candidates, best first.</summary>
    /// <param name="student">The student.</param>
    /// <param name="candidates">The candidates (eligible and unknown).</param>
    /// <returns>The candidates, best first.</returns>
    IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates);
}
