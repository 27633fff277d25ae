using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Scoring;

/// <summary>The parts of a scholarship's score that do not depend on the student, computed once per catalog.</summary>
internal sealed class ScholarshipScoreTraits
{
    internal ScholarshipScoreTraits(Scholarship s)
    {
        Call = s.Call;
        Level = s.Level;
        bool higherRank = false, selective = false, needRequired = false;
        foreach (var criterion in s.Criteria)
        {
            Visit(criterion, ref higherRank, ref selective, ref needRequired);
        }

        NeedTargeting = needRequired ? 1.0 : s.PriorityPoints?.Groups.Any(g => g.Items.Any(i => i.When is SisfohCriterion)) == true ? 0.7 : 0.4;
        ReadsHigherRank = s.Level is ScholarshipLevel.Postgraduate or ScholarshipLevel.Exchange or ScholarshipLevel.Award || higherRank;
        Selective = selective;
        Value = ComputeValue(s.Coverage);
        Fields = s.Fields.Count == 0 ? [] : FoldedFields.GetValue(s.Fields, static f => f.Select(StudentScoreTraits.Fold).ToArray());
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

    // Copies of a call share their lists of fields; folding them once keeps building a large index cheap.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, string[]> FoldedFields = [];

    public static ScholarshipScoreTraits Of(Scholarship scholarship) => Cache.GetValue(scholarship, static s => new ScholarshipScoreTraits(s));

    /// <summary>Reads the leaf criteria (not under a <c>not</c>) for the traits that depend on them.</summary>
    private static void Visit(Criterion criterion, ref bool higherRank, ref bool selective, ref bool needRequired)
    {
        switch (criterion)
        {
            case CompositeCriterion composite:
                foreach (var c in composite.Criteria)
                {
                    Visit(c, ref higherRank, ref selective, ref needRequired);
                }

                break;
            case AcademicRankCriterion rank:
                selective = true;
                higherRank |= rank.Level == EducationLevel.Higher;
                break;
            case GradeAverageCriterion:
                selective = true;
                break;
            case IncomeCriterion:
                needRequired = true;
                break;
            case SisfohCriterion sisfoh when !sisfoh.In.Contains(SisfohLevel.NotPoor):
                needRequired = true;
                break;
        }
    }

    private static double ComputeValue(Coverage coverage)
    {
        var breadth = Math.Min(1.0, coverage.Items.Count / 12.0);
        return coverage.Type == CoverageType.Full ? 0.6 + (0.4 * breadth) : 0.2 + (0.4 * breadth);
    }
}
