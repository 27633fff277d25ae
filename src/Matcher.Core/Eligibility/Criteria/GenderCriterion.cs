using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's gender is accepted.</summary>
public sealed record GenderCriterion : SetCriterion<Gender>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public GenderCriterion(IReadOnlyList<Gender> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "gender";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.Gender;

    /// <inheritdoc />
    protected override string CodePrefix => "gender";

    /// <inheritdoc />
    protected override Gender? Read(StudentProfile student) => student.Gender;
}
