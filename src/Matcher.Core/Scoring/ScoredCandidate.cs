using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Scoring;

/// <summary>A scholarship with its verdict, call status and score components for one student.</summary>
/// <param name="Scholarship">The scholarship.</param>
/// <param name="Eligibility">The verdict and criterion outcomes.</param>
/// <param name="CallStatus">The call's status on the evaluation date.</param>
/// <param name="Components">Score components, each 0–1.</param>
/// <param name="PriorityPoints">Rubric points, when the call has a rubric.</param>
public sealed record ScoredCandidate(
    Scholarship Scholarship,
    EligibilityResult Eligibility,
    CallStatus CallStatus,
    ScoreComponents Components,
    PriorityPointsResult? PriorityPoints);
