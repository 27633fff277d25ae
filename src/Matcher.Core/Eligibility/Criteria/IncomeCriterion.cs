using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the household's monthly income per person is at most the ceiling (soles).</summary>
public sealed record IncomeCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atMost">Highest accepted monthly per-capita income, in soles.</param>
    public IncomeCriterion(decimal atMost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atMost);
        AtMost = atMost;
    }

    /// <summary>Highest accepted monthly per-capita income, in soles.</summary>
    public decimal AtMost { get; }

    /// <inheritdoc />
    public override string Type => "income";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.MonthlyPerCapitaIncome];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Student.MonthlyPerCapitaIncome is not { } income)
        {
            return Unknown("income.unknown", [FactPaths.MonthlyPerCapitaIncome], ("max", AtMost));
        }

        return income <= AtMost
            ? Pass("income.within-limit", ("value", income), ("max", AtMost))
            : Fail("income.over-limit", ("value", income), ("max", AtMost));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        student.MonthlyPerCapitaIncome is not { } income ? Verdict.Unknown : income <= AtMost ? Verdict.Pass : Verdict.Fail;

    internal override void WriteFields(Utf8JsonWriter writer) => writer.WriteNumber("atMost", AtMost);
}
