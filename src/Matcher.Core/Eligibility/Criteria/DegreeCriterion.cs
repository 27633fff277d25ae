using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's highest degree is accepted.</summary>
public sealed record DegreeCriterion : SetCriterion<Degree>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public DegreeCriterion(IReadOnlyList<Degree> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "degree";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.Degree;

    /// <inheritdoc />
    protected override string CodePrefix => "degree";

    /// <inheritdoc />
    protected override Degree? Read(StudentProfile student) => student.HigherEducation?.Degree;
}
