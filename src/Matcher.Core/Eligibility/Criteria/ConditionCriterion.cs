using System.Text.Json;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student has the condition accredited.</summary>
public sealed record ConditionCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="condition">The condition required.</param>
    public ConditionCriterion(PriorityCondition condition) => Condition = condition;

    /// <summary>The condition required.</summary>
    public PriorityCondition Condition { get; }

    /// <inheritdoc />
    public override string Type => "condition";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.Condition(Condition)];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Student.Conditions?.Get(Condition) switch
        {
            true => Pass("condition.accredited", ("condition", Condition)),
            false => Fail("condition.not-accredited", ("condition", Condition)),
            null => Unknown("condition.unknown", [FactPaths.Condition(Condition)], ("condition", Condition)),
        };
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        student.Conditions?.Get(Condition) switch
        {
            true => Verdict.Pass,
            false => Verdict.Fail,
            null => Verdict.Unknown,
        };

    internal override void WriteFields(Utf8JsonWriter writer) => writer.WriteString("condition", EnumText.Of(Condition));
}
