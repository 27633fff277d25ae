using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the nested criterion fails, fails when it passes, unknown when it is unknown.</summary>
public sealed record NotCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="criterion">The negated criterion.</param>
    public NotCriterion(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        Inner = criterion;
    }

    /// <summary>The negated criterion.</summary>
    public Criterion Inner { get; }

    /// <inheritdoc />
    public override string Type => "not";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => Inner.Facts;

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        var inner = Inner.Evaluate(context);
        var verdict = Kleene.Not(inner.Verdict);
        var code = verdict switch
        {
            Verdict.Pass => "not.met",
            Verdict.Fail => "not.not-met",
            _ => "not.unknown",
        };
        return Outcome(verdict, code, verdict == Verdict.Unknown ? inner.Missing : [], [], [inner]);
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        Kleene.Not(Inner.Decide(student, asOf, referenceDate));

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("criterion");
        Serialization.CriterionJson.Write(writer, Inner);
    }
}
