using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's current semester lies within bounds.</summary>
public sealed record CurrentCycleCriterion : RangeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeast">Lowest accepted value, inclusive.</param>
    /// <param name="atMost">Highest accepted value, inclusive.</param>
    public CurrentCycleCriterion(int? atLeast, int? atMost)
        : base(atLeast, atMost)
    {
    }

    /// <inheritdoc />
    public override string Type => "currentCycle";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.CurrentCycle;

    /// <inheritdoc />
    protected override string CodePrefix => "current-cycle";

    /// <inheritdoc />
    protected override int? Read(StudentProfile student) => student.HigherEducation?.CurrentCycle;
}
