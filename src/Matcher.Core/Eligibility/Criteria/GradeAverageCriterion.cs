using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the secondary-school average (0–20, last two completed grades) is at least the bar.</summary>
public sealed record GradeAverageCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeast">Lowest accepted average, 0–20.</param>
    public GradeAverageCriterion(decimal atLeast)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atLeast);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atLeast, 20m);
        AtLeast = atLeast;
    }

    /// <summary>Lowest accepted average.</summary>
    public decimal AtLeast { get; }

    /// <inheritdoc />
    public override string Type => "gradeAverage";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.GradeAverage];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Student.BasicEducation?.GradeAverage is not { } g)
        {
            return Unknown("grade-average.unknown", [FactPaths.GradeAverage], ("min", AtLeast));
        }

        return g >= AtLeast
            ? Pass("grade-average.meets", ("value", g), ("min", AtLeast))
            : Fail("grade-average.below", ("value", g), ("min", AtLeast));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        student.BasicEducation?.GradeAverage is not { } g ? Verdict.Unknown : g >= AtLeast ? Verdict.Pass : Verdict.Fail;

    internal override void WriteFields(Utf8JsonWriter writer) => writer.WriteNumber("atLeast", AtLeast);
}
