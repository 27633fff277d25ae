namespace Matcher.Eligibility;

/// <summary>Strong Kleene three-valued logic over <see cref="Verdict"/>.</summary>
public static class Kleene
{
    /// <summary>Conjunction: fails if any fails, else unknown if any is unknown, else passes (an empty conjunction passes).</summary>
    /// <param name="verdicts">The operands.</param>
    /// <returns>The conjunction.</returns>
    public static Verdict And(IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var result = Verdict.Pass;
        foreach (var v in verdicts)
        {
            if (v == Verdict.Fail)
            {
                return Verdict.Fail;
            }

            if (v == Verdict.Unknown)
            {
                result = Verdict.Unknown;
            }
        }

        return result;
    }

    /// <summary>Disjunction: passes if any passes, else unknown if any is unknown, else fails (an empty disjunction fails).</summary>
    /// <param name="verdicts">The operands.</param>
    /// <returns>The disjunction.</returns>
    public static Verdict Or(IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var result = Verdict.Fail;
        foreach (var v in verdicts)
        {
            if (v == Verdict.Pass)
            {
                return Verdict.Pass;
            }

            if (v == Verdict.Unknown)
            {
                result = Verdict.Unknown;
            }
        }

        return result;
    }

    /// <summary>Negation: swaps pass and fail; unknown stays unknown.</summary>
    /// <param name="verdict">The operand.</param>
    /// <returns>The negation.</returns>
    public static Verdict Not(Verdict verdict) => verdict switch
    {
        Verdict.Pass => Verdict.Fail,
        Verdict.Fail => Verdict.Pass,
        _ => Verdict.Unknown,
    };

    /// <summary>The scholarship-level verdict of a conjunction.</summary>
    /// <param name="verdict">The conjunction of the criteria.</param>
    /// <returns>Eligible, ineligible or unknown.</returns>
    public static EligibilityVerdict ToEligibility(Verdict verdict) => verdict switch
    {
        Verdict.Pass => EligibilityVerdict.Eligible,
        Verdict.Fail => EligibilityVerdict.Ineligible,
        _ => EligibilityVerdict.Unknown,
    };
}
