using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student has at least the given months of work experience after the bachelor's degree.</summary>
public sealed record WorkExperienceCriterion : RangeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeastMonths">Fewest months accepted.</param>
    public WorkExperienceCriterion(int atLeastMonths)
        : base(atLeastMonths, null)
    {
    }

    /// <inheritdoc />
    public override string Type => "workExperience";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.WorkExperienceMonths;

    /// <inheritdoc />
    protected override string CodePrefix => "work-experience";

    private protected override string AtLeastName => "atLeastMonths";

    /// <inheritdoc />
    protected override int? Read(StudentProfile student) => student.HigherEducation?.WorkExperienceMonths;
}
