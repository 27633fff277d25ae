using System.Globalization;
using System.Text;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Scholarships;
using Matcher.Students;
using Microsoft.Extensions.Options;

namespace Matcher.Scoring;

/// <summary>The score components documented in docs/scoring.md.</summary>
internal sealed class DefaultScholarshipScorer : IScholarshipScorer
{
    private readonly int _urgencyHorizonDays;
    private readonly UbigeoDirectory _geography;

    public DefaultScholarshipScorer(IOptions<MatcherOptions> options)
    {
        _urgencyHorizonDays = options.Value.UrgencyHorizonDays;
        _geography = UbigeoDirectory.Default;
    }

    public ScoredCandidate Score(StudentProfile student, Scholarship scholarship, EligibilityResult eligibility, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(scholarship);
        var status = scholarship.Call.StatusOn(asOf);
        var context = new EvaluationContext(student, asOf, scholarship.Call.AgeReferenceDate ?? asOf);
        var points = scholarship.PriorityPoints is { } rubric ? PriorityPointsResult.Evaluate(rubric, context) : null;
        var components = new ScoreComponents(
            Need: Round(StudentNeed(student) * NeedTargeting(scholarship)),
            Merit: Round(Merit(student, scholarship)),
            Fit: Round((LevelFit(student, scholarship.Level) + InterestFit(student, scholarship)) / 2),
            Value: Round(Value(scholarship.Coverage)),
            Urgency: Round(Urgency(scholarship.Call, status, asOf)),
            Priority: Round(points is { Max: > 0 } p ? (double)p.Earned / p.Max : 0));
        return new ScoredCandidate(scholarship, eligibility, status, components, points);
    }

    private static double Round(double x) => Math.Round(Math.Clamp(x, 0, 1), 4, MidpointRounding.ToEven);

    /// <summary>0–1 economic need: mostly the SISFOH classification, with the district's poverty rate as a second signal.</summary>
    internal double StudentNeed(StudentProfile student)
    {
        double? sisfoh = student.Sisfoh?.Classification switch
        {
            SisfohLevel.ExtremePoor => 1.0,
            SisfohLevel.Poor => 0.75,
            SisfohLevel.NotPoor => 0.25,
            _ => null,
        };
        double? district = student.ResidenceUbigeo is { } u && _geography.Find(u)?.PovertyPercent is { } pct ? pct / 100 : null;
        return (sisfoh, district) switch
        {
            ({ } s, { } d) => (0.8 * s) + (0.2 * d),
            ({ } s, null) => s,
            (null, { } d) => d,
            _ => 0.5,
        };
    }

    /// <summary>1 when the call requires poverty or an income ceiling, 0.7 when it rewards poverty with points, else 0.4.</summary>
    internal static double NeedTargeting(Scholarship scholarship)
    {
        if (scholarship.Criteria.Any(c => Flatten(c).Any(x => x is IncomeCriterion || (x is SisfohCriterion s && !s.In.Contains(SisfohLevel.NotPoor)))))
        {
            return 1.0;
        }

        return scholarship.PriorityPoints?.Groups.SelectMany(g => g.Items).Any(i => i.When is SisfohCriterion) == true ? 0.7 : 0.4;
    }

    private static double Merit(StudentProfile student, Scholarship scholarship)
    {
        var higher = scholarship.Level is ScholarshipLevel.Postgraduate or ScholarshipLevel.Exchange or ScholarshipLevel.Award
            || scholarship.Criteria.Any(c => Flatten(c).Any(x => x is AcademicRankCriterion { Level: EducationLevel.Higher }));
        double strength;
        if (!higher && student.BasicEducation?.Coar == true)
        {
            strength = AcademicRank.TopTenth.Strength();
        }
        else if ((higher ? student.HigherEducation?.AcademicRank : student.BasicEducation?.AcademicRank) is { } rank)
        {
            strength = rank.Strength();
        }
        else if (!higher && student.BasicEducation?.GradeAverage is { } g)
        {
            strength = (double)g / 20;
        }
        else
        {
            strength = 0.5;
        }

        var selective = scholarship.Criteria.Any(c => Flatten(c).Any(x => x is AcademicRankCriterion or GradeAverageCriterion));
        return strength * (selective ? 1.0 : 0.6);
    }

    private static double LevelFit(StudentProfile student, ScholarshipLevel level)
    {
        var h = student.HigherEducation;
        var hasDegree = h?.Degree is Degree.Bachelor or Degree.ProfessionalTitle or Degree.Master or Degree.Doctorate;
        var studying = h?.Status is HigherEducationStatus.Enrolled or HigherEducationStatus.Admitted;
        var schoolLeaver = student.BasicEducation?.Status is BasicEducationStatus.InLastGrade or BasicEducationStatus.Graduated
            && !hasDegree && !studying;
        return level switch
        {
            ScholarshipLevel.Undergraduate or ScholarshipLevel.Technical => schoolLeaver || studying ? 1.0 : hasDegree ? 0.2 : 0.6,
            ScholarshipLevel.ShortCourse => schoolLeaver ? 0.9 : 0.6,
            ScholarshipLevel.Exchange => studying ? 1.0 : 0.4,
            ScholarshipLevel.Postgraduate or ScholarshipLevel.Award => hasDegree ? 1.0 : 0.2,
            _ => 0.5,
        };
    }

    private static double InterestFit(StudentProfile student, Scholarship scholarship)
    {
        if (scholarship.Fields.Count == 0 || student.Interests is not { Count: > 0 } interests)
        {
            return 0.6;
        }

        var fields = scholarship.Fields.Select(Fold).ToArray();
        return interests.Select(Fold).Any(i => i.Length > 0 && fields.Any(f => f.Contains(i, StringComparison.Ordinal) || i.Contains(f, StringComparison.Ordinal)))
            ? 1.0
            : 0.3;
    }

    private static double Value(Coverage coverage)
    {
        var breadth = Math.Min(1.0, coverage.Items.Count / 12.0);
        return coverage.Type == CoverageType.Full ? 0.6 + (0.4 * breadth) : 0.2 + (0.4 * breadth);
    }

    private double Urgency(CallWindow call, CallStatus status, DateOnly asOf) => status switch
    {
        CallStatus.Open => Math.Max(0.2, 1.0 - ((double)(call.Closes!.Value.DayNumber - asOf.DayNumber) / _urgencyHorizonDays)),
        CallStatus.Upcoming => call.Opens!.Value.DayNumber - asOf.DayNumber <= _urgencyHorizonDays ? 0.3 : 0.1,
        CallStatus.Unknown => 0.1,
        _ => 0.0,
    };

    internal static IEnumerable<Criterion> Flatten(Criterion criterion) => criterion switch
    {
        CompositeCriterion c => c.Criteria.SelectMany(Flatten),
        NotCriterion => [],
        _ => [criterion],
    };

    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
