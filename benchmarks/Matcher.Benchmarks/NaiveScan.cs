using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Students;

namespace Matcher.Benchmarks;

/// <summary>The baseline: every criterion of every scholarship evaluated with the reference code, through LINQ.</summary>
internal static class NaiveScan
{
    public static (int Eligible, int Unknown) Count(CatalogSnapshot snapshot, StudentProfile student, DateOnly asOf)
    {
        var verdicts = snapshot.Scholarships
            .Select(s => Kleene.ToEligibility(Kleene.And(s.Criteria.Select(c => c.Evaluate(new EvaluationContext(student, asOf, s.Call.AgeReferenceDate ?? asOf)).Verdict))))
            .ToList();
        return (verdicts.Count(v => v == EligibilityVerdict.Eligible), verdicts.Count(v => v == EligibilityVerdict.Unknown));
    }
}
