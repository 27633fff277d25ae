using System.Text.Json;
using Matcher.Grades;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>
/// Passes when the student's order of merit is at least the bar. With <see cref="CoarCounts"/>, a student of a Colegio
/// de Alto Rendimiento passes (PRONABEC deems COAR students to meet the high-performance requirement).
/// </summary>
public sealed record AcademicRankCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="level">Which record to read.</param>
    /// <param name="atLeast">The rank required.</param>
    /// <param name="coarCounts">Whether COAR students pass (secondary school only).</param>
    public AcademicRankCriterion(EducationLevel level, AcademicRank atLeast, bool coarCounts = false)
    {
        if (coarCounts && level != EducationLevel.Basic)
        {
            throw new ArgumentException("coarCounts applies to secondary school (level basic) only.", nameof(coarCounts));
        }

        Level = level;
        AtLeast = atLeast;
        CoarCounts = coarCounts;
    }

    /// <summary>Which record to read.</summary>
    public EducationLevel Level { get; }

    /// <summary>The rank required.</summary>
    public AcademicRank AtLeast { get; }

    /// <summary>Whether COAR students pass.</summary>
    public bool CoarCounts { get; }

    /// <inheritdoc />
    public override string Type => "academicRank";

    private string RankPath => Level == EducationLevel.Basic ? FactPaths.BasicAcademicRank : FactPaths.HigherAcademicRank;

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => CoarCounts ? [RankPath, FactPaths.Coar] : [RankPath];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var student = context.Student;
        var coar = CoarCounts ? student.BasicEducation?.Coar : false;
        if (coar == true)
        {
            return Pass("academic-rank.coar", ("required", AtLeast));
        }

        var rank = Level == EducationLevel.Basic ? student.BasicEducation?.AcademicRank : student.HigherEducation?.AcademicRank;
        if (rank is not { } r)
        {
            return Unknown("academic-rank.unknown", [RankPath], ("required", AtLeast));
        }

        if (r.IsAtLeast(AtLeast))
        {
            return Pass("academic-rank.meets", ("value", r), ("required", AtLeast));
        }

        return coar is null
            ? Unknown("academic-rank.below-unless-coar", [FactPaths.Coar], ("value", r), ("required", AtLeast))
            : Fail("academic-rank.below", ("value", r), ("required", AtLeast));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var coar = CoarCounts ? student.BasicEducation?.Coar : false;
        if (coar == true)
        {
            return Verdict.Pass;
        }

        var rank = Level == EducationLevel.Basic ? student.BasicEducation?.AcademicRank : student.HigherEducation?.AcademicRank;
        if (rank is not { } r)
        {
            return Verdict.Unknown;
        }

        return r.IsAtLeast(AtLeast) ? Verdict.Pass : coar is null ? Verdict.Unknown : Verdict.Fail;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("level", EnumText.Of(Level));
        writer.WriteString("atLeast", EnumText.Of(AtLeast));
        if (CoarCounts)
        {
            writer.WriteBoolean("coarCounts", true);
        }
    }
}
