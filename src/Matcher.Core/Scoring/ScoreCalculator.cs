using Matcher.Scholarships;

namespace Matcher.Scoring;

/// <summary>
/// The score components and the weighted score (docs/scoring.md), as pure functions shared by the per-candidate
/// scorer and the compiled index, so that both give the same numbers to the last digit.
/// </summary>
internal static class ScoreCalculator
{
    public const int ComponentCount = 6;

    public static void Components(in StudentScoreTraits student, ScholarshipScoreTraits scholarship, CallStatus status, DateOnly asOf, int earnedPriorityPoints, int urgencyHorizonDays, Span<double> components)
    {
        var strength = scholarship.ReadsHigherRank ? student.HigherStrength : student.BasicStrength;
        components[0] = Round(student.Need * scholarship.NeedTargeting);
        components[1] = Round(strength * (scholarship.Selective ? 1.0 : 0.6));
        components[2] = Round((LevelFit(student, scholarship.Level) + InterestFit(student, scholarship.Fields)) / 2);
        components[3] = Round(scholarship.Value);
        components[4] = Round(Urgency(scholarship.Call, status, asOf, urgencyHorizonDays));
        components[5] = Round(scholarship.PriorityMax > 0 ? (double)earnedPriorityPoints / scholarship.PriorityMax : 0);
    }

    /// <summary>The weighted mean of the components, and each one's contribution to it.</summary>
    public static double Weighted(ReadOnlySpan<double> weights, double totalWeight, ReadOnlySpan<double> components, Span<double> contributions)
    {
        var score = 0.0;
        for (var i = 0; i < components.Length; i++)
        {
            var contribution = weights[i] * components[i] / totalWeight;
            if (!contributions.IsEmpty)
            {
                contributions[i] = Math.Round(contribution, 4, MidpointRounding.ToEven);
            }

            score += contribution;
        }

        return Math.Round(score, 4, MidpointRounding.ToEven);
    }

    private static double Round(double x) => Math.Round(Math.Clamp(x, 0, 1), 4, MidpointRounding.ToEven);

    internal static double LevelFit(in StudentScoreTraits s, ScholarshipLevel level) => level switch
    {
        ScholarshipLevel.Undergraduate or ScholarshipLevel.Technical => s.SchoolLeaver || s.Studying ? 1.0 : s.HasDegree ? 0.2 : 0.6,
        ScholarshipLevel.ShortCourse => s.SchoolLeaver ? 0.9 : 0.6,
        ScholarshipLevel.Exchange => s.Studying ? 1.0 : 0.4,
        ScholarshipLevel.Postgraduate or ScholarshipLevel.Award => s.HasDegree ? 1.0 : 0.2,
        _ => 0.5,
    };

    private static double InterestFit(in StudentScoreTraits s, string[] fields)
    {
        if (fields.Length == 0 || s.Interests is not { Length: > 0 } interests)
        {
            return 0.6;
        }

        foreach (var i in interests)
        {
            foreach (var f in fields)
            {
                if (f.Contains(i, StringComparison.Ordinal) || i.Contains(f, StringComparison.Ordinal))
                {
                    return 1.0;
                }
            }
        }

        return 0.3;
    }

    internal static double Urgency(CallWindow call, CallStatus status, DateOnly asOf, int horizonDays) => status switch
    {
        CallStatus.Open => Math.Max(0.2, 1.0 - ((double)(call.Closes!.Value.DayNumber - asOf.DayNumber) / horizonDays)),
        CallStatus.Upcoming => call.Opens!.Value.DayNumber - asOf.DayNumber <= horizonDays ? 0.3 : 0.1,
        CallStatus.Unknown => 0.1,
        _ => 0.0,
    };
}
