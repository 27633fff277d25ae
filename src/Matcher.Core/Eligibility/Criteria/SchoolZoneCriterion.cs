using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the secondary school is in an accepted ámbito (VRAEM, Huallaga).</summary>
public sealed record SchoolZoneCriterion : SetCriterion<SchoolZone>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public SchoolZoneCriterion(IReadOnlyList<SchoolZone> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "schoolZone";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.SchoolZone;

    /// <inheritdoc />
    protected override string CodePrefix => "school-zone";

    /// <inheritdoc />
    protected override SchoolZone? Read(StudentProfile student) => student.BasicEducation?.SchoolZone;
}
