using System.Globalization;
using System.Resources;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Explanations;
using Matcher.Matching;
using Matcher.Students;

namespace Matcher.Explanations;

public class MatchExplainerTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);

    [Fact]
    public void Messages_ExistInSpanishAndEnglishForTheSameKeys()
    {
        var manager = new ResourceManager("Matcher.Resources.Messages", typeof(MatcherOptions).Assembly);
        var es = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        var en = manager.GetResourceSet(MatcherCultures.English, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        Assert.Empty(es.Except(en));
        Assert.Empty(en.Except(es));
        Assert.True(es.Count > 200);
    }

    [Fact]
    public void EveryReasonCodeTheCatalogCanProduce_HasAMessage()
    {
        // Evaluate every criterion of every entry against profiles that make it pass, fail and be unknown.
        var profiles = new[]
        {
            TestProfiles.Huancavelica,
            new StudentProfile { Id = "empty" },
            Properties.Completion.Complete(new StudentProfile { Id = "random-1" }, new Random(1)),
            Properties.Completion.Complete(new StudentProfile { Id = "random-2" }, new Random(2)),
            Properties.Completion.Complete(new StudentProfile { Id = "random-3" }, new Random(3)),
        };
        var explainer = new MatchExplainer();
        var codes = new HashSet<string>();
        foreach (var scholarship in TestCatalog.Snapshot.Scholarships)
        {
            foreach (var profile in profiles)
            {
                var context = new EvaluationContext(profile, AsOf, scholarship.Call.AgeReferenceDate ?? AsOf);
                foreach (var criterion in scholarship.Criteria)
                {
                    var reason = explainer.Explain(criterion.Evaluate(context), MatcherCultures.English);
                    Assert.DoesNotContain("{", reason.Message, StringComparison.Ordinal);
                    codes.Add(reason.Code);
                }
            }
        }

        Assert.True(codes.Count > 20, string.Join(", ", codes));
    }

    [Fact]
    public void AgeReason_ReadsLikeTheContractExample()
    {
        var outcome = new AgeCriterion(lessThan: 22, exemptIfDisability: true)
            .Evaluate(new EvaluationContext(new StudentProfile { Id = "a", BirthDate = new DateOnly(2008, 5, 14) }, AsOf, new DateOnly(2025, 9, 5)));
        Assert.Equal("Tienes 17 años al 5 de setiembre de 2025; el límite es menos de 22.", new MatchExplainer().Explain(outcome, MatcherCultures.Spanish).Message);
        Assert.Equal("You are 17 on September 5, 2025; the limit is under 22.", new MatchExplainer().Explain(outcome, MatcherCultures.English).Message);
    }

    [Fact]
    public void RangeReason_DescribesBothBounds()
    {
        var outcome = new AgeCriterion(atLeast: 17, atMost: 39)
            .Evaluate(new EvaluationContext(new StudentProfile { Id = "a", BirthDate = new DateOnly(1980, 1, 1) }, AsOf, AsOf));
        Assert.Equal("Superas el límite de edad: tienes 45 años al 20 de setiembre de 2025 y el límite es entre 17 y 39.", new MatchExplainer().Explain(outcome, MatcherCultures.Spanish).Message);
    }

    [Fact]
    public void MissingSisfoh_NextStepGivesTheCseLeadTimeAndTheTimeLeft()
    {
        var student = TestProfiles.Huancavelica with { Sisfoh = null };
        var match = TestCatalog.Matcher.Explain(student, "beca18-2026-ordinaria", new MatchRequest { AsOf = AsOf })!;
        Assert.Equal(EligibilityVerdict.Unknown, match.Verdict);
        Assert.Equal(["sisfoh.classification"], match.Missing);
        var step = match.NextSteps[0];
        Assert.Contains("ULE", step, StringComparison.Ordinal);
        Assert.Contains("25 días hábiles en zonas urbanas y 40 en zonas rurales", step, StringComparison.Ordinal);
        // 2025-09-20 (Saturday) to 2025-10-05 (Sunday): 10 working days.
        Assert.Contains("quedan 10 días hábiles hasta el cierre (5 de octubre de 2025)", step, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiredSisfoh_NextStepIsToRenewIt()
    {
        var student = TestProfiles.Huancavelica with { Sisfoh = new SisfohRecord { Classification = SisfohLevel.Poor, ValidUntil = AsOf.AddDays(-1) } };
        var match = TestCatalog.Matcher.Explain(student, "beca18-2026-ordinaria", new MatchRequest { AsOf = AsOf })!;
        Assert.Equal(EligibilityVerdict.Ineligible, match.Verdict);
        Assert.Contains(match.NextSteps, s => s.StartsWith("Renueva la Clasificación Socioeconómica", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkingDays_SkipWeekends()
    {
        Assert.Equal(5, MatchExplainer.WorkingDaysBetween(new DateOnly(2025, 9, 19), new DateOnly(2025, 9, 26)));
        Assert.Equal(0, MatchExplainer.WorkingDaysBetween(new DateOnly(2025, 9, 20), new DateOnly(2025, 9, 21)));
    }

    [Fact]
    public void MatcherText_LocalizesEnumsAndFacts()
    {
        Assert.Equal("tercio superior", MatcherText.EnumName(Grades.AcademicRank.TopThird));
        Assert.Equal("top third", MatcherText.EnumName(Grades.AcademicRank.TopThird, MatcherCultures.English));
        Assert.Equal("clasificación SISFOH", MatcherText.FactLabel("sisfoh.classification"));
        Assert.Equal("5 de setiembre de 2025", MatcherText.Date(new DateOnly(2025, 9, 5)));
    }
}
