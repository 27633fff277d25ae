using System.Globalization;
using Matcher.Eligibility;
using Matcher.Matching;
using Matcher.Scoring;

namespace Matcher.Explanations;

/// <summary>Turns reason codes and values into sentences, and unknown or failing facts into next steps.</summary>
/// <remarks>Thread-safe. Messages are rendered from resources (Spanish first, English available), never concatenated from fragments in code.</remarks>
public interface IMatchExplainer
{
    /// <summary>Explains one criterion outcome, with its nested outcomes.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The reason.</returns>
    MatchReason Explain(CriterionOutcome outcome, CultureInfo culture);

    /// <summary>What the student can do next for this scholarship.</summary>
    /// <param name="candidate">The scored candidate.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The steps, most useful first, without repetition.</returns>
    IReadOnlyList<string> NextSteps(ScoredCandidate candidate, DateOnly asOf, CultureInfo culture);
}
