using System.Text.Json;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>
/// Passes when the student's age in whole years at the call's age reference date is within bounds, or, when
/// <see cref="ExemptIfDisability"/> is set, when the student has an accredited disability (PRONABEC: no age limit for
/// persons with disability).
/// </summary>
public sealed record AgeCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="atLeast">Youngest age accepted, in whole years.</param>
    /// <param name="atMost">Oldest age accepted, in whole years.</param>
    /// <param name="lessThan">Exclusive upper bound ("menores de 22 años").</param>
    /// <param name="exemptIfDisability">Whether an accredited disability lifts the limits.</param>
    public AgeCriterion(int? atLeast = null, int? atMost = null, int? lessThan = null, bool exemptIfDisability = false)
    {
        if (atLeast is null && atMost is null && lessThan is null)
        {
            throw new ArgumentException("Give at least one bound.");
        }

        if (atMost is not null && lessThan is not null)
        {
            throw new ArgumentException("Give atMost or lessThan, not both.");
        }

        if (atLeast > (atMost ?? lessThan - 1))
        {
            throw new ArgumentException("The lower bound is above the upper bound.");
        }

        AtLeast = atLeast;
        AtMost = atMost;
        LessThan = lessThan;
        ExemptIfDisability = exemptIfDisability;
    }

    /// <summary>Youngest age accepted.</summary>
    public int? AtLeast { get; }

    /// <summary>Oldest age accepted.</summary>
    public int? AtMost { get; }

    /// <summary>Exclusive upper bound.</summary>
    public int? LessThan { get; }

    /// <summary>Whether an accredited disability lifts the limits.</summary>
    public bool ExemptIfDisability { get; }

    /// <inheritdoc />
    public override string Type => "age";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts =>
        ExemptIfDisability ? [FactPaths.BirthDate, FactPaths.Condition(PriorityCondition.Disability)] : [FactPaths.BirthDate];

    /// <summary>Age in whole years on <paramref name="on"/>; the birthday itself counts as completed.</summary>
    /// <param name="birthDate">Date of birth.</param>
    /// <param name="on">The date.</param>
    /// <returns>The age.</returns>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        return on < birthDate.AddYears(age) ? age - 1 : age;
    }

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var disability = ExemptIfDisability ? context.Student.Conditions?.Disability : false;
        var referenceDate = context.AgeReferenceDate;
        if (disability == true)
        {
            return Pass("age.exempt-disability", ("referenceDate", referenceDate));
        }

        if (context.Student.BirthDate is not { } birth)
        {
            return Unknown("age.unknown", [FactPaths.BirthDate], Bounds(null, referenceDate));
        }

        var age = AgeOn(birth, referenceDate);
        string? failure = age < AtLeast ? "age.under-minimum"
            : age > AtMost || age >= LessThan ? "age.over-limit"
            : null;
        if (failure is null)
        {
            return Pass("age.within-limits", Bounds(age, referenceDate));
        }

        return disability is null
            ? Unknown(failure + "-unless-disability", [FactPaths.Condition(PriorityCondition.Disability)], Bounds(age, referenceDate))
            : Fail(failure, Bounds(age, referenceDate));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var disability = ExemptIfDisability ? student.Conditions?.Disability : false;
        if (disability == true)
        {
            return Verdict.Pass;
        }

        if (student.BirthDate is not { } birth)
        {
            return Verdict.Unknown;
        }

        return WithinBounds(AgeOn(birth, referenceDate)) ? Verdict.Pass : disability is null ? Verdict.Unknown : Verdict.Fail;
    }

    /// <summary>Whether an age satisfies every bound.</summary>
    internal bool WithinBounds(int age) => !(age < AtLeast || age > AtMost || age >= LessThan);

    private (string, object?)[] Bounds(int? age, DateOnly referenceDate) =>
        [("age", age), ("min", AtLeast), ("max", AtMost), ("lessThan", LessThan), ("referenceDate", referenceDate)];

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        if (AtLeast is { } a)
        {
            writer.WriteNumber("atLeast", a);
        }

        if (AtMost is { } m)
        {
            writer.WriteNumber("atMost", m);
        }

        if (LessThan is { } l)
        {
            writer.WriteNumber("lessThan", l);
        }

        if (ExemptIfDisability)
        {
            writer.WriteBoolean("exemptIfDisability", true);
        }
    }
}
