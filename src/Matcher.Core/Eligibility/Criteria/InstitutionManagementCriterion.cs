using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's higher-education institution has an accepted management.</summary>
public sealed record InstitutionManagementCriterion : SetCriterion<Management>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public InstitutionManagementCriterion(IReadOnlyList<Management> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "institutionManagement";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.InstitutionManagement;

    /// <inheritdoc />
    protected override string CodePrefix => "institution-management";

    /// <inheritdoc />
    protected override Management? Read(StudentProfile student) => student.HigherEducation?.Management;
}
