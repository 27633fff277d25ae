using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's higher-education institution is of an accepted type.</summary>
public sealed record InstitutionTypeCriterion : SetCriterion<InstitutionType>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public InstitutionTypeCriterion(IReadOnlyList<InstitutionType> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "institutionType";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.InstitutionType;

    /// <inheritdoc />
    protected override string CodePrefix => "institution-type";

    /// <inheritdoc />
    protected override InstitutionType? Read(StudentProfile student) => student.HigherEducation?.InstitutionType;
}
