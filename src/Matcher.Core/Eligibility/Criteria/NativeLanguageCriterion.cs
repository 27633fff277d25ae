using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student speaks a lengua originaria (one of <see cref="In"/> when given).</summary>
public sealed record NativeLanguageCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted languages (lowercase), or <see langword="null"/> for any lengua originaria.</param>
    public NativeLanguageCriterion(IReadOnlyList<string>? accepted = null) => In = accepted;

    /// <summary>Accepted languages; <see langword="null"/> for any.</summary>
    public IReadOnlyList<string>? In { get; }

    /// <inheritdoc />
    public override string Type => "nativeLanguage";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPaths.NativeLanguages];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Student.NativeLanguages is not { } spoken)
        {
            return Unknown("native-language.unknown", [FactPaths.NativeLanguages], ("accepted", In));
        }

        var match = In is null ? (spoken.Count > 0 ? spoken[0] : null) : spoken.FirstOrDefault(l => In.Contains(l, StringComparer.Ordinal));
        if (match is not null)
        {
            return Pass("native-language.speaks", ("value", match), ("accepted", In));
        }

        return spoken.Count == 0
            ? Fail("native-language.none", ("accepted", In))
            : Fail("native-language.not-accepted", ("value", spoken), ("accepted", In));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        if (student.NativeLanguages is not { } spoken)
        {
            return Verdict.Unknown;
        }

        if (In is null)
        {
            return spoken.Count > 0 ? Verdict.Pass : Verdict.Fail;
        }

        for (var i = 0; i < spoken.Count; i++)
        {
            for (var j = 0; j < In.Count; j++)
            {
                if (string.Equals(spoken[i], In[j], StringComparison.Ordinal))
                {
                    return Verdict.Pass;
                }
            }
        }

        return Verdict.Fail;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        if (In is null)
        {
            return;
        }

        writer.WriteStartArray("in");
        foreach (var l in In)
        {
            writer.WriteStringValue(l);
        }

        writer.WriteEndArray();
    }
}
