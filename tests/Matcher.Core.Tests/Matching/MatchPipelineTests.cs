using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Scholarships;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Matching;

public class MatchPipelineTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);
    private static readonly StudentProfile Peruvian = new() { Id = "st-1", Nationality = "PE" };
    private static readonly Criterion IsPeruvian = new NationalityCriterion(["PE"]);
    private static readonly Criterion NeedsDisability = new ConditionCriterion(PriorityCondition.Disability);
    private static readonly Criterion IsColombian = new NationalityCriterion(["CO"]);

    [Fact]
    public void Report_ListsEligibleBeforeUnknownAndLeavesOutIneligible()
    {
        var matcher = TestScholarships.Matcher(
            TestScholarships.Make("a-unknown", [NeedsDisability], closes: AsOf.AddDays(5)),
            TestScholarships.Make("b-eligible", [IsPeruvian], closes: AsOf.AddDays(60)),
            TestScholarships.Make("c-ineligible", [IsColombian], closes: AsOf.AddDays(5)));
        var report = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf });
        Assert.Equal(["b-eligible", "a-unknown"], report.Matches.Select(m => m.ScholarshipId));
        Assert.Equal([1, 2], report.Matches.Select(m => m.Rank!.Value));
        Assert.Equal(["conditions.disability"], report.Matches[1].Missing);
        Assert.Equal("test.1", report.CatalogVersion);
        Assert.Equal(AsOf, report.AsOf);
    }

    [Fact]
    public void ClosedCalls_ComeAfterOpenAndUpcomingOnes()
    {
        var matcher = TestScholarships.Matcher(
            TestScholarships.Make("closed", [IsPeruvian], AsOf.AddDays(-60), AsOf.AddDays(-1)),
            TestScholarships.Make("upcoming", [NeedsDisability], AsOf.AddDays(10), AsOf.AddDays(40)),
            TestScholarships.Make("open", [IsPeruvian], AsOf.AddDays(-10), AsOf.AddDays(10)));
        var report = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf });
        Assert.Equal(["open", "upcoming", "closed"], report.Matches.Select(m => m.ScholarshipId));
        Assert.Equal([CallStatus.Open, CallStatus.Upcoming, CallStatus.Closed], report.Matches.Select(m => m.Call.Status));
    }

    [Fact]
    public void IncludeIneligible_AppendsThemWithoutRankAndWithTheirFailingReasons()
    {
        var matcher = TestScholarships.Matcher(TestScholarships.Make("eligible", [IsPeruvian]), TestScholarships.Make("ineligible", [IsColombian]));
        var report = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf, IncludeIneligible = true });
        var last = report.Matches[^1];
        Assert.Equal(("ineligible", EligibilityVerdict.Ineligible, (int?)null), (last.ScholarshipId, last.Verdict, last.Rank));
        Assert.Equal("nationality.not-accepted", Assert.Single(last.Reasons).Code);
        Assert.Equal("Se requiere nacionalidad CO; la tuya es PE.", last.Reasons[0].Message);
    }

    [Fact]
    public void Top_KeepsTheBestRankedAndStillAppendsIneligible()
    {
        var matcher = TestScholarships.Matcher(
            TestScholarships.Make("x1", [IsPeruvian]),
            TestScholarships.Make("x2", [IsPeruvian]),
            TestScholarships.Make("x3", [IsPeruvian]),
            TestScholarships.Make("no", [IsColombian]));
        var report = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf, Top = 2, IncludeIneligible = true });
        Assert.Equal(3, report.Matches.Count);
        Assert.Equal([1, 2], report.Matches.Take(2).Select(m => m.Rank!.Value));
        Assert.Equal("no", report.Matches[2].ScholarshipId);
    }

    [Fact]
    public void EqualScores_AreOrderedById()
    {
        var matcher = TestScholarships.Matcher(TestScholarships.Make("b", [IsPeruvian]), TestScholarships.Make("a", [IsPeruvian]), TestScholarships.Make("c", [IsPeruvian]));
        Assert.Equal(["a", "b", "c"], matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf }).Matches.Select(m => m.ScholarshipId));
    }

    [Fact]
    public void ScoreBreakdown_AddsUpToTheScore()
    {
        var report = TestCatalog.Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = AsOf });
        Assert.All(report.Matches, m =>
        {
            Assert.InRange(m.Score, 0, 1);
            Assert.Equal(m.Score, m.ScoreBreakdown.Values.Sum(), 3);
            Assert.Equal(["need", "merit", "fit", "value", "urgency", "priority"], m.ScoreBreakdown.Keys);
        });
    }

    [Fact]
    public void Language_SwitchesMessagesAndNames()
    {
        var matcher = TestScholarships.Matcher(TestScholarships.Make("x", [IsColombian]));
        var es = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf, IncludeIneligible = true });
        var en = matcher.Match(Peruvian, new MatchRequest { AsOf = AsOf, IncludeIneligible = true, Language = "en" });
        Assert.Equal(("es", "Beca x"), (es.Language, es.Matches[0].Name));
        Assert.Equal(("en", "Scholarship x", "Nationality CO is required; yours is PE."), (en.Language, en.Matches[0].Name, en.Matches[0].Reasons[0].Message));
        Assert.Throws<ArgumentException>(() => matcher.Match(Peruvian, new MatchRequest { Language = "qu" }));
    }

    [Fact]
    public void NoDate_UsesTodayInLima()
    {
        // 03:00 UTC on 1 October is still 30 September in Lima (UTC-5).
        using var services = TestScholarships.Services(new CatalogSnapshot("t", [TestScholarships.Make("x", [IsPeruvian])]), new DateTimeOffset(2025, 10, 1, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 9, 30), services.GetRequiredService<IScholarshipMatcher>().Match(Peruvian).AsOf);
    }

    [Fact]
    public void Explain_GivesEveryNestedCriterionAndNullForUnknownIds()
    {
        var explanation = TestCatalog.Matcher.Explain(TestProfiles.Huancavelica, "beca18-2026-ordinaria", new MatchRequest { AsOf = AsOf })!;
        Assert.Equal(EligibilityVerdict.Eligible, explanation.Verdict);
        Assert.Contains(explanation.Reasons, r => r.Details.Count == 2);
        Assert.Null(TestCatalog.Matcher.Explain(TestProfiles.Huancavelica, "no-such-scholarship"));
    }

    [Fact]
    public async Task MatchMany_KeepsInputOrderAndOneDate()
    {
        var matcher = TestScholarships.Matcher(TestScholarships.Make("x", [IsPeruvian]));
        var students = Enumerable.Range(0, 50).Select(i => new StudentProfile { Id = "st-" + i, Nationality = "PE" }).ToAsyncEnumerable();
        var reports = await matcher.MatchManyAsync(students).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "st-" + i), reports.Select(r => r.StudentId));
        Assert.Single(reports.Select(r => r.AsOf).Distinct());
    }

    [Fact]
    public void Report_SerializesToTheContractShape()
    {
        var json = MatchReportJson.Serialize(TestCatalog.Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = AsOf, Top = 1 }));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("st-hvca", root.GetProperty("studentId").GetString());
        Assert.Equal("2025-09-20", root.GetProperty("asOf").GetString());
        var m = root.GetProperty("matches")[0];
        Assert.Equal("beca18-2026-ordinaria", m.GetProperty("scholarshipId").GetString());
        Assert.Equal("eligible", m.GetProperty("verdict").GetString());
        Assert.Equal(1, m.GetProperty("rank").GetInt32());
        Assert.Equal("open", m.GetProperty("call").GetProperty("status").GetString());
        Assert.Equal("2025-10-05", m.GetProperty("call").GetProperty("closes").GetString());
        Assert.Equal("age", m.GetProperty("reasons")[1].GetProperty("criterion").GetString());
        Assert.Equal("pass", m.GetProperty("reasons")[1].GetProperty("verdict").GetString());
        Assert.Equal(0, m.GetProperty("missing").GetArrayLength());
        Assert.True(m.GetProperty("nextSteps").GetArrayLength() > 0);
    }
}
