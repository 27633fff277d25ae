using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Scoring;

/// <summary>The parts of a scholarship's score that do not depend on the student, computed once per catalog.</summary>
internal sealed class ScholarshipScoreTraits
{
    private ScholarshipScoreTraits(Scholarship s)
    {
        Call = s.Call;
        Level = s.Level;
        NeedTargeting = ComputeNeedTargeting(s);
        ReadsHigherRank = s.Level is ScholarshipLevel.Postgraduate or ScholarshipLevel.Exchange or ScholarshipLevel.Award
            || s.Criteria.Any(c => Flatten(c).Any(x => x is AcademicRankCriterion { Level: EducationLevel.Higher }));
        Selective = s.Criteria.Any(c => Flatten(c).Any(x => x is AcademicRankCriterion or GradeAverageCriterion));
        Value = ComputeValue(s.Coverage);
        Fields = s.Fields.Select(StudentScoreTraits.Fold).ToArray();
        PriorityMax = s.PriorityPoints?.MaxPoints ?? 0;
    }

    public CallWindow Call { get; }

    public ScholarshipLevel Level { get; }

    /// <summary>1 when the call requires poverty or an income ceiling, 0.7 when it rewards poverty with points, else 0.4.</summary>
    public double NeedTargeting { get; }

    public bool ReadsHigherRank { get; }

    public bool Selective { get; }

    public double Value { get; }

    public string[] Fields { get; }

    public int PriorityMax { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scholarship, ScholarshipScoreTraits> Cache = [];

    public static ScholarshipScoreTraits Of(Scholarship scholarship) => Cache.GetValue(scholarship, static s => new ScholarshipScoreTraits(s));

    internal static IEnumerable<Criterion> Flatten(Criterion criterion) => criterion switch
    {
        CompositeCriterion c => c.Criteria.SelectMany(Flatten),
        NotCriterion => [],
        _ => [criterion],
    };

    private static double ComputeNeedTargeting(Scholarship scholarship)
    {
        if (scholarship.Criteria.Any(c => Flatten(c).Any(x => x is IncomeCriterion || (x is SisfohCriterion s && !s.In.Contains(SisfohLevel.NotPoor)))))
        {
            return 1.0;
        }

        return scholarship.PriorityPoints?.Groups.SelectMany(g => g.Items).Any(i => i.When is SisfohCriterion) == true ? 0.7 : 0.4;
    }

    private static double ComputeValue(Coverage coverage)
    {
        var breadth = Math.Min(1.0, coverage.Items.Count / 12.0);
        return coverage.Type == CoverageType.Full ? 0.6 + (0.4 * breadth) : 0.2 + (0.4 * breadth);
    }
}
