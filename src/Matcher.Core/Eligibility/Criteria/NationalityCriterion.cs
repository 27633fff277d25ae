using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's nationality (ISO 3166-1 alpha-2) is accepted.</summary>
public sealed record NationalityCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted country codes.</param>
    public NationalityCriterion(IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        In = accepted;
    }

    /// <summary>Accepted country codes.</summary>
    public IReadOnlyList<string> In { get; }

    /// <inheritdoc />
    public override string Type => "nationality";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.Nationality];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Student.Nationality is not { } n)
        {
            return Unknown("nationality.unknown", [FactPaths.Nationality], ("accepted", In));
        }

        return In.Contains(n, StringComparer.Ordinal)
            ? Pass("nationality.accepted", ("value", n), ("accepted", In))
            : Fail("nationality.not-accepted", ("value", n), ("accepted", In));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        if (student.Nationality is not { } n)
        {
            return Verdict.Unknown;
        }

        for (var i = 0; i < In.Count; i++)
        {
            if (string.Equals(In[i], n, StringComparison.Ordinal))
            {
                return Verdict.Pass;
            }
        }

        return Verdict.Fail;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("in");
        foreach (var c in In)
        {
            writer.WriteStringValue(c);
        }

        writer.WriteEndArray();
    }
}
