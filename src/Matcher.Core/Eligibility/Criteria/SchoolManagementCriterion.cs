using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the secondary school's management (public or private) is accepted.</summary>
public sealed record SchoolManagementCriterion : SetCriterion<Management>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public SchoolManagementCriterion(IReadOnlyList<Management> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "schoolManagement";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.SchoolManagement;

    /// <inheritdoc />
    protected override string CodePrefix => "school-management";

    /// <inheritdoc />
    protected override Management? Read(StudentProfile student) => student.BasicEducation?.SchoolManagement;
}
