using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student has no previous higher studies.</summary>
public sealed record NoPreviousHigherStudiesCriterion : Criterion
{
    /// <inheritdoc />
    public override string Type => "noPreviousHigherStudies";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.PreviousHigherStudies];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Student.PreviousHigherStudies switch
        {
            false => Pass("previous-studies.none"),
            true => Fail("previous-studies.has"),
            null => Unknown("previous-studies.unknown", [FactPaths.PreviousHigherStudies]),
        };
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        student.PreviousHigherStudies switch
        {
            false => Verdict.Pass,
            true => Verdict.Fail,
            null => Verdict.Unknown,
        };

    internal override void WriteFields(Utf8JsonWriter writer)
    {
    }
}
