using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Portal.Services;

/// <summary>How many students of the demo cohort a call would take: eligible, unknown (facts missing) and not eligible.</summary>
/// <param name="Eligible">Eligible students.</param>
/// <param name="Unknown">Students whose verdict depends on facts they did not give.</param>
/// <param name="Ineligible">Students who fail a requirement.</param>
public sealed record CallPreviewCounts(int Eligible, int Unknown, int Ineligible)
{
    /// <summary>All students counted.</summary>
    public int Total => Eligible + Unknown + Ineligible;
}

/// <summary>Evaluates a draft call (not yet in the catalog) against the demo cohort.</summary>
internal sealed class CallPreview(IEligibilityEvaluator evaluator, IMatcherClock clock)
{
    public CallPreviewCounts Count(Scholarship draft, IReadOnlyList<StoredStudent> cohort, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(cohort);
        var date = asOf ?? clock.Today();
        int eligible = 0, unknown = 0, ineligible = 0;
        foreach (var student in cohort)
        {
            switch (evaluator.Evaluate(student.Profile, draft, date).Verdict)
            {
                case EligibilityVerdict.Eligible:
                    eligible++;
                    break;
                case EligibilityVerdict.Unknown:
                    unknown++;
                    break;
                default:
                    ineligible++;
                    break;
            }
        }

        return new CallPreviewCounts(eligible, unknown, ineligible);
    }
}
