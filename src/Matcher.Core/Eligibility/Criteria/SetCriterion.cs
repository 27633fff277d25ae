using System.Text.Json;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>A criterion that passes when one enum-valued fact of the student is in a set of accepted values.</summary>
/// <typeparam name="T">The enum type of the fact.</typeparam>
public abstract record SetCriterion<T> : Criterion
    where T : struct, Enum
{
    private protected SetCriterion(IReadOnlyList<T> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        In = accepted;
    }

    /// <summary>Accepted values.</summary>
    public IReadOnlyList<T> In { get; }

    /// <summary>Path of the fact.</summary>
    protected abstract string FactPath { get; }

    /// <summary>Prefix of the reason codes: <c>.accepted</c>, <c>.not-accepted</c>, <c>.unknown</c> are appended.</summary>
    protected abstract string CodePrefix { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPath];

    /// <summary>The student's value, or <see langword="null"/> when unknown.</summary>
    /// <param name="student">The student.</param>
    /// <returns>The value.</returns>
    protected abstract T? Read(StudentProfile student);

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = Read(context.Student);
        if (value is not { } v)
        {
            return Unknown(CodePrefix + ".unknown", [FactPath], ("accepted", In));
        }

        return In.Contains(v)
            ? Pass(CodePrefix + ".accepted", ("value", v), ("accepted", In))
            : Fail(CodePrefix + ".not-accepted", ("value", v), ("accepted", In));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        if (Read(student) is not { } v)
        {
            return Verdict.Unknown;
        }

        for (var i = 0; i < In.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(In[i], v))
            {
                return Verdict.Pass;
            }
        }

        return Verdict.Fail;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("in");
        foreach (var v in In)
        {
            writer.WriteStringValue(EnumText.Of(v));
        }

        writer.WriteEndArray();
    }
}
