using Matcher.Eligibility;
using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Scoring;

/// <summary>Computes the explainable score components of a candidate scholarship for a student.</summary>
/// <remarks>Implementations are stateless, deterministic and thread-safe.</remarks>
public interface IScholarshipScorer
{
    /// <summary>Scores one candidate.</summary>
    /// <param name="student">The student.</param>
    /// <param name="scholarship">The scholarship.</param>
    /// <param name="eligibility">Its eligibility result.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The scored candidate.</returns>
    ScoredCandidate Score(StudentProfile student, Scholarship scholarship, EligibilityResult eligibility, DateOnly asOf);
}
