using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the year secondary school was finished lies within bounds.</summary>
public sealed record GraduationYearCriterion : RangeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeast">Lowest accepted value, inclusive.</param>
    /// <param name="atMost">Highest accepted value, inclusive.</param>
    public GraduationYearCriterion(int? atLeast, int? atMost)
        : base(atLeast, atMost)
    {
    }

    /// <inheritdoc />
    public override string Type => "graduationYear";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.GraduationYear;

    /// <inheritdoc />
    protected override string CodePrefix => "graduation-year";

    /// <inheritdoc />
    protected override int? Read(StudentProfile student) => student.BasicEducation?.GraduationYear;
}
