using Matcher.Students;

namespace Matcher.MLNet.Outcomes;

/// <summary>One row of the outcomes CSV: a student's application to one call and what came of it, with the student's profile.</summary>
/// <param name="Student">The student's profile at the time (its <see cref="StudentProfile.Id"/> is the row's <c>studentId</c>).</param>
/// <param name="ScholarshipId">The call (CONTRACT §3 id).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="RecordedOn">When the outcome was recorded.</param>
/// <param name="Synthetic">Whether the row was produced by the simulator rather than recorded.</param>
public sealed record OutcomeRecord(StudentProfile Student, string ScholarshipId, OutcomeKind Outcome, DateOnly RecordedOn, bool Synthetic)
{
    /// <summary>Graded relevance used for training and evaluation: awarded 3, shortlisted 2, applied or rejected 1 (a call not applied to is 0).</summary>
    public int Relevance => Outcome switch
    {
        OutcomeKind.Awarded => 3,
        OutcomeKind.Shortlisted => 2,
        _ => 1,
    };
}
