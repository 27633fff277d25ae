using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's higher-education status is accepted.</summary>
public sealed record HigherEducationStatusCriterion : SetCriterion<HigherEducationStatus>
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted values.</param>
    public HigherEducationStatusCriterion(IReadOnlyList<HigherEducationStatus> accepted)
        : base(accepted)
    {
    }

    /// <inheritdoc />
    public override string Type => "higherEducationStatus";

    /// <inheritdoc />
    protected override string FactPath => FactPaths.HigherStatus;

    /// <inheritdoc />
    protected override string CodePrefix => "higher-education-status";

    /// <inheritdoc />
    protected override HigherEducationStatus? Read(StudentProfile student) => student.HigherEducation?.Status;
}
