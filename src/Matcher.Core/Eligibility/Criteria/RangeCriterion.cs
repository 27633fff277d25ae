using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>A criterion that passes when one integer fact of the student lies within bounds (inclusive).</summary>
public abstract record RangeCriterion : Criterion
{
    private protected RangeCriterion(int? atLeast, int? atMost)
    {
        if (atLeast is null && atMost is null)
        {
            throw new ArgumentException("Give at least one bound.");
        }

        if (atLeast > atMost)
        {
            throw new ArgumentException($"atLeast ({atLeast}) is greater than atMost ({atMost}).");
        }

        AtLeast = atLeast;
        AtMost = atMost;
    }

    /// <summary>Lowest accepted value, inclusive.</summary>
    public int? AtLeast { get; }

    /// <summary>Highest accepted value, inclusive.</summary>
    public int? AtMost { get; }

    /// <summary>Path of the fact.</summary>
    protected abstract string FactPath { get; }

    /// <summary>Prefix of the reason codes: <c>.within</c>, <c>.below</c>, <c>.above</c>, <c>.unknown</c> are appended.</summary>
    protected abstract string CodePrefix { get; }

    /// <summary>JSON name of the lower bound.</summary>
    private protected virtual string AtLeastName => "atLeast";

    /// <summary>JSON name of the upper bound.</summary>
    private protected virtual string AtMostName => "atMost";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPath];

    /// <summary>The student's value, or <see langword="null"/> when unknown.</summary>
    /// <param name="student">The student.</param>
    /// <returns>The value.</returns>
    protected abstract int? Read(StudentProfile student);

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Read(context.Student) is not { } v)
        {
            return Unknown(CodePrefix + ".unknown", [FactPath], ("min", AtLeast), ("max", AtMost));
        }

        if (v < AtLeast)
        {
            return Fail(CodePrefix + ".below", ("value", v), ("min", AtLeast), ("max", AtMost));
        }

        return v > AtMost
            ? Fail(CodePrefix + ".above", ("value", v), ("min", AtLeast), ("max", AtMost))
            : Pass(CodePrefix + ".within", ("value", v), ("min", AtLeast), ("max", AtMost));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        Read(student) is not { } v ? Verdict.Unknown : v < AtLeast || v > AtMost ? Verdict.Fail : Verdict.Pass;

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        if (AtLeast is { } min)
        {
            writer.WriteNumber(AtLeastName, min);
        }

        if (AtMost is { } max)
        {
            writer.WriteNumber(AtMostName, max);
        }
    }
}
