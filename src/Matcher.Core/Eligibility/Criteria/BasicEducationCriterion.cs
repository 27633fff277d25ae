using System.Text.Json;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's basic-education modality and status are accepted.</summary>
public sealed record BasicEducationCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="modalities">Accepted modalities, or <see langword="null"/> for any.</param>
    /// <param name="statuses">Accepted statuses, or <see langword="null"/> for any.</param>
    public BasicEducationCriterion(IReadOnlyList<EducationModality>? modalities, IReadOnlyList<BasicEducationStatus>? statuses)
    {
        if (modalities is null && statuses is null)
        {
            throw new ArgumentException("Give modalities, statuses or both.");
        }

        Modalities = modalities;
        Statuses = statuses;
    }

    /// <summary>Accepted modalities; <see langword="null"/> for any.</summary>
    public IReadOnlyList<EducationModality>? Modalities { get; }

    /// <summary>Accepted statuses; <see langword="null"/> for any.</summary>
    public IReadOnlyList<BasicEducationStatus>? Statuses { get; }

    /// <inheritdoc />
    public override string Type => "basicEducation";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts =>
        [.. Modalities is null ? [] : new[] { FactPaths.BasicModality }, .. Statuses is null ? [] : new[] { FactPaths.BasicStatus }];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var b = context.Student.BasicEducation;
        var modality = b?.Modality;
        var status = b?.Status;
        (string, object?)[] values = [("modality", modality), ("status", status), ("modalities", Modalities), ("statuses", Statuses)];
        if (Modalities is not null && modality is { } m && !Modalities.Contains(m))
        {
            return Fail("basic-education.modality-not-accepted", values);
        }

        if (Statuses is not null && status is { } s && !Statuses.Contains(s))
        {
            return Fail("basic-education.status-not-accepted", values);
        }

        var missing = new List<string>(2);
        if (Modalities is not null && modality is null)
        {
            missing.Add(FactPaths.BasicModality);
        }

        if (Statuses is not null && status is null)
        {
            missing.Add(FactPaths.BasicStatus);
        }

        return missing.Count > 0 ? Unknown("basic-education.unknown", missing, values) : Pass("basic-education.accepted", values);
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var b = student.BasicEducation;
        var modality = b?.Modality;
        var status = b?.Status;
        if ((Modalities is not null && modality is { } m && !Contains(Modalities, m)) || (Statuses is not null && status is { } s && !Contains(Statuses, s)))
        {
            return Verdict.Fail;
        }

        return (Modalities is not null && modality is null) || (Statuses is not null && status is null) ? Verdict.Unknown : Verdict.Pass;
    }

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
        where T : struct, Enum
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return true;
            }
        }

        return false;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        if (Modalities is not null)
        {
            writer.WriteStartArray("modalities");
            foreach (var m in Modalities)
            {
                writer.WriteStringValue(EnumText.Of(m));
            }

            writer.WriteEndArray();
        }

        if (Statuses is not null)
        {
            writer.WriteStartArray("statuses");
            foreach (var s in Statuses)
            {
                writer.WriteStringValue(EnumText.Of(s));
            }

            writer.WriteEndArray();
        }
    }
}
