using Matcher.Scholarships;

namespace Matcher.Eligibility;

/// <summary>
/// An extra requirement applied on top of the catalog's criteria (for example an NGO that only serves one region).
/// Register implementations with <c>IMatcherBuilder.AddEligibilityRule</c>; all registered rules must pass.
/// </summary>
/// <remarks>Implementations must be thread-safe and three-valued: unknown when a needed fact is absent.</remarks>
public interface IEligibilityRule
{
    /// <summary>Evaluates the rule.</summary>
    /// <param name="scholarship">The scholarship.</param>
    /// <param name="context">The student and dates.</param>
    /// <returns>The outcome, or <see langword="null"/> when the rule does not apply to this scholarship.</returns>
    CriterionOutcome? Evaluate(Scholarship scholarship, EvaluationContext context);
}
