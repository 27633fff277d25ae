using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student holds no scholarship now.</summary>
public sealed record NoCurrentScholarshipCriterion : Criterion
{
    /// <inheritdoc />
    public override string Type => "noCurrentScholarship";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.HoldsScholarship];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Student.HoldsScholarship switch
        {
            false => Pass("current-scholarship.none"),
            true => Fail("current-scholarship.holds"),
            null => Unknown("current-scholarship.unknown", [FactPaths.HoldsScholarship]),
        };
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        student.HoldsScholarship switch
        {
            false => Verdict.Pass,
            true => Verdict.Fail,
            null => Verdict.Unknown,
        };

    internal override void WriteFields(Utf8JsonWriter writer)
    {
    }
}
