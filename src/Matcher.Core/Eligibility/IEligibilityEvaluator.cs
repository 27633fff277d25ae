using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Eligibility;

/// <summary>Decides whether a student may apply to a scholarship.</summary>
/// <remarks>Implementations are stateless and thread-safe; the same inputs always give the same result.</remarks>
public interface IEligibilityEvaluator
{
    /// <summary>Evaluates every criterion of the scholarship, and every registered <see cref="IEligibilityRule"/>.</summary>
    /// <param name="student">The student.</param>
    /// <param name="scholarship">The scholarship.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The verdict with the outcome of each criterion.</returns>
    EligibilityResult Evaluate(StudentProfile student, Scholarship scholarship, DateOnly asOf);
}
