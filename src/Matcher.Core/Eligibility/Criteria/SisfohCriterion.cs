using System.Text.Json;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>
/// Passes when the household's SISFOH classification is accepted and, when <see cref="RequireValid"/>, still valid on
/// the evaluation date (an expired CSE is not valid).
/// </summary>
public sealed record SisfohCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="accepted">Accepted classifications.</param>
    /// <param name="requireValid">Whether the classification must be valid on the evaluation date.</param>
    public SisfohCriterion(IReadOnlyList<SisfohLevel> accepted, bool requireValid = true)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        In = accepted;
        RequireValid = requireValid;
    }

    /// <summary>Accepted classifications.</summary>
    public IReadOnlyList<SisfohLevel> In { get; }

    /// <summary>Whether the classification must be valid on the evaluation date.</summary>
    public bool RequireValid { get; }

    /// <inheritdoc />
    public override string Type => "sisfoh";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts =>
        RequireValid ? [FactPaths.SisfohClassification, FactPaths.SisfohValidUntil] : [FactPaths.SisfohClassification];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Student.Sisfoh;
        if (record?.Classification is not { } level)
        {
            return Unknown("sisfoh.unknown", [FactPaths.SisfohClassification], ("accepted", In));
        }

        if (!In.Contains(level))
        {
            return Fail("sisfoh.not-accepted", ("value", level), ("accepted", In));
        }

        if (!RequireValid)
        {
            return Pass("sisfoh.accepted", ("value", level), ("accepted", In));
        }

        if (record.ValidUntil is not { } until)
        {
            return Unknown("sisfoh.validity-unknown", [FactPaths.SisfohValidUntil], ("value", level), ("asOf", context.AsOf));
        }

        return until < context.AsOf
            ? Fail("sisfoh.expired", ("value", level), ("validUntil", until), ("asOf", context.AsOf))
            : Pass("sisfoh.accepted-valid", ("value", level), ("accepted", In), ("validUntil", until));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var record = student.Sisfoh;
        if (record?.Classification is not { } level)
        {
            return Verdict.Unknown;
        }

        if (!Accepts(level))
        {
            return Verdict.Fail;
        }

        if (!RequireValid)
        {
            return Verdict.Pass;
        }

        return record.ValidUntil is not { } until ? Verdict.Unknown : until < asOf ? Verdict.Fail : Verdict.Pass;
    }

    internal bool Accepts(SisfohLevel level)
    {
        for (var i = 0; i < In.Count; i++)
        {
            if (In[i] == level)
            {
                return true;
            }
        }

        return false;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("in");
        foreach (var v in In)
        {
            writer.WriteStringValue(EnumText.Of(v));
        }

        writer.WriteEndArray();
        if (!RequireValid)
        {
            writer.WriteBoolean("requireValid", false);
        }
    }
}
