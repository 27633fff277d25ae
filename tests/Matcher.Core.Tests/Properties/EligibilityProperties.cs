using FsCheck.Xunit;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Grades;
using Matcher.Matching;
using Matcher.Scholarships;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Properties;

public class EligibilityProperties
{
    private static readonly DateOnly AsOf = Completion.AsOf;

    private static EligibilityVerdict Verdict(StudentProfile p, Scholarship s) =>
        Kleene.ToEligibility(Kleene.And(s.Criteria.Select(c => c.Evaluate(new EvaluationContext(p, AsOf, s.Call.AgeReferenceDate ?? AsOf)).Verdict)));

    /// <summary>(a) Soundness of unknown: a decided verdict holds for every completion of the absent facts.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void DecidedVerdicts_HoldForEveryCompletion(PartialProfile generated)
    {
        var random = new Random(generated.Seed);
        foreach (var scholarship in TestCatalog.Snapshot.Scholarships)
        {
            var verdict = Verdict(generated.Profile, scholarship);
            if (verdict == EligibilityVerdict.Unknown)
            {
                continue;
            }

            for (var i = 0; i < 8; i++)
            {
                var completed = Completion.Complete(generated.Profile, random);
                Assert.True(verdict == Verdict(completed, scholarship), $"{scholarship.Id}: {verdict} before completion, {Verdict(completed, scholarship)} after: {StudentProfileJson.Serialize(completed)}");
            }
        }
    }

    /// <summary>(a) The same for random criteria trees (with not/anyOf/allOf nesting); and a complete profile is always decided.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void DecidedCriterionOutcomes_HoldForEveryCompletion(Criterion criterion, PartialProfile generated)
    {
        var context = new EvaluationContext(generated.Profile, AsOf, new DateOnly(2025, 9, 5));
        var outcome = criterion.Evaluate(context);
        var random = new Random(generated.Seed);
        for (var i = 0; i < 8; i++)
        {
            var completed = criterion.Evaluate(context with { Student = Completion.Complete(generated.Profile, random) });
            // A profile with every fact known always gets a decided outcome.
            Assert.NotEqual(Eligibility.Verdict.Unknown, completed.Verdict);
            if (outcome.Verdict != Eligibility.Verdict.Unknown)
            {
                Assert.Equal(outcome.Verdict, completed.Verdict);
            }
        }
    }

    /// <summary>The non-allocating verdict path agrees with the full evaluation on every criterion and profile.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public void Decide_AgreesWithEvaluate(Criterion criterion, PartialProfile generated)
    {
        var reference = new DateOnly(2025, 9, 5);
        Assert.Equal(criterion.Evaluate(new EvaluationContext(generated.Profile, AsOf, reference)).Verdict, criterion.Decide(generated.Profile, AsOf, reference));
    }

    /// <summary>(b) A better academic rank never turns eligible into ineligible.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void BetterRank_NeverTurnsEligibleIntoIneligible(PartialProfile generated)
    {
        var p = generated.Profile;
        if (p.BasicEducation?.AcademicRank is not { } rank || rank == AcademicRank.FirstPlace)
        {
            return;
        }

        var better = p with { BasicEducation = p.BasicEducation with { AcademicRank = rank - 1 } };
        foreach (var s in TestCatalog.Snapshot.Scholarships)
        {
            Assert.False(Verdict(p, s) == EligibilityVerdict.Eligible && Verdict(better, s) == EligibilityVerdict.Ineligible, s.Id);
        }

        foreach (var bar in Enum.GetValues<AcademicRank>())
        {
            var criterion = new AcademicRankCriterion(EducationLevel.Basic, bar, coarCounts: true);
            var before = criterion.Evaluate(new EvaluationContext(p, AsOf, AsOf)).Verdict;
            var after = criterion.Evaluate(new EvaluationContext(better, AsOf, AsOf)).Verdict;
            Assert.False(before == Eligibility.Verdict.Pass && after != Eligibility.Verdict.Pass);
            Assert.False(before == Eligibility.Verdict.Unknown && after == Eligibility.Verdict.Fail);
        }
    }

    /// <summary>(b) More poverty (not poor → poor → extremely poor) never turns eligible into ineligible.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void MorePoverty_NeverTurnsEligibleIntoIneligible(PartialProfile generated)
    {
        var p = generated.Profile;
        if (p.Sisfoh?.Classification is not { } level || level == SisfohLevel.ExtremePoor)
        {
            return;
        }

        var poorer = p with { Sisfoh = p.Sisfoh with { Classification = level - 1 } };
        foreach (var s in TestCatalog.Snapshot.Scholarships)
        {
            Assert.False(Verdict(p, s) == EligibilityVerdict.Eligible && Verdict(poorer, s) == EligibilityVerdict.Ineligible, s.Id);
        }
    }

    /// <summary>(b) A higher grade average or a lower income never fails a criterion the lower grade or higher income passed.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void GradeAndIncomeCriteria_AreMonotone(PartialProfile generated)
    {
        var p = generated.Profile;
        var context = new EvaluationContext(p, AsOf, AsOf);
        if (p.BasicEducation?.GradeAverage is { } g)
        {
            var higher = context with { Student = p with { BasicEducation = p.BasicEducation with { GradeAverage = Math.Min(20m, g + 0.5m) } } };
            foreach (var bar in new[] { 11m, 12m, 14m, 15m, 16.5m })
            {
                var c = new GradeAverageCriterion(bar);
                Assert.False(c.Evaluate(context).Verdict == Eligibility.Verdict.Pass && c.Evaluate(higher).Verdict != Eligibility.Verdict.Pass);
            }
        }

        if (p.MonthlyPerCapitaIncome is { } income)
        {
            var lower = context with { Student = p with { MonthlyPerCapitaIncome = Math.Max(0m, income - 100m) } };
            var c = new IncomeCriterion(7910m);
            Assert.False(c.Evaluate(context).Verdict == Eligibility.Verdict.Pass && c.Evaluate(lower).Verdict != Eligibility.Verdict.Pass);
        }
    }

    /// <summary>(d) The order of the catalog's entries changes no verdict and no ranking; matching is deterministic.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
    public void ShufflingTheCatalog_ChangesNothing(PartialProfile generated)
    {
        var entries = TestCatalog.Snapshot.Scholarships.ToArray();
        var shuffled = entries.ToArray();
        new Random(generated.Seed).Shuffle(shuffled);
        var request = new MatchRequest { AsOf = AsOf, IncludeIneligible = true };
        using var a = Matching.TestScholarships.Services(new CatalogSnapshot("v", entries));
        using var b = Matching.TestScholarships.Services(new CatalogSnapshot("v", shuffled));
        var first = MatchReportJson.Serialize(GetMatcher(a).Match(generated.Profile, request));
        Assert.Equal(first, MatchReportJson.Serialize(GetMatcher(b).Match(generated.Profile, request)));
        Assert.Equal(first, MatchReportJson.Serialize(GetMatcher(a).Match(generated.Profile, request)));
    }

    private static IScholarshipMatcher GetMatcher(Microsoft.Extensions.DependencyInjection.ServiceProvider sp) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IScholarshipMatcher>(sp);
}
