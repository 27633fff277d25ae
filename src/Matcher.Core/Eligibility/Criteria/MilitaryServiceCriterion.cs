using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student served at least the given months in the Servicio Militar Voluntario.</summary>
public sealed record MilitaryServiceCriterion : RangeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeastMonths">Fewest months accepted.</param>
    public MilitaryServiceCriterion(int atLeastMonths)
        : base(atLeastMonths, null)
    {
    }

    /// <inheritdoc />
    public override string Type => "militaryService";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.MilitaryServiceMonths;

    /// <inheritdoc />
    protected override string CodePrefix => "military-service";

    private protected override string AtLeastName => "atLeastMonths";

    /// <inheritdoc />
    protected override int? Read(StudentProfile student) => student.MilitaryServiceMonths;
}
