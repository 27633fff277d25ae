using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Matching;
using Matcher.Properties;
using Matcher.Scoring;
using Matcher.Serialization;

namespace Matcher.Matching;

/// <summary><see cref="MatchRequest.Weights"/>: a host's stored weight set applies per request, on both matching paths.</summary>
public class RequestWeightsTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public bool SameWeightsAsConfigured_GiveTheSameReport(PartialProfile profile)
    {
        var plain = TestCatalog.Matcher.Match(profile.Profile, new MatchRequest { AsOf = AsOf, IncludeIneligible = true });
        var weighted = TestCatalog.Matcher.Match(profile.Profile, new MatchRequest { AsOf = AsOf, IncludeIneligible = true, Weights = new ScoringWeights() });
        return MatchReportJson.Serialize(plain) == MatchReportJson.Serialize(weighted);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public Property RequestWeights_GiveTheWeightedMeanOfTheComponents(PartialProfile profile, PositiveInt a, PositiveInt b)
    {
        var weights = new ScoringWeights { Need = a.Get % 7, Merit = b.Get % 5, Fit = 0, Value = 1, Urgency = 0, Priority = 0 };
        var total = weights.ToArray().Sum();
        var report = TestCatalog.Matcher.Match(profile.Profile, new MatchRequest { AsOf = AsOf, Weights = weights });
        return report.Matches.All(m =>
            m.ScoreBreakdown["fit"] == 0 && m.ScoreBreakdown["urgency"] == 0 && m.ScoreBreakdown["priority"] == 0
            && Math.Abs(m.ScoreBreakdown.Values.Sum() - m.Score) < 0.001
            && Math.Abs(m.ScoreBreakdown["value"] - (Value(m.ScholarshipId) / total)) < 0.0002).ToProperty();
    }

    [Fact]
    public void RequestWeights_ReorderTheRanking()
    {
        var byNeed = TestCatalog.Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = AsOf, Weights = new ScoringWeights { Need = 1, Merit = 0, Fit = 0, Value = 0, Urgency = 0, Priority = 0 } });
        var byValue = TestCatalog.Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = AsOf, Weights = new ScoringWeights { Need = 0, Merit = 0, Fit = 0, Value = 1, Urgency = 0, Priority = 0 } });
        Assert.Equal(byNeed.Matches.Select(m => m.ScholarshipId).Order(StringComparer.Ordinal), byValue.Matches.Select(m => m.ScholarshipId).Order(StringComparer.Ordinal));
        Assert.NotEqual(byNeed.Matches.Select(m => m.ScholarshipId), byValue.Matches.Select(m => m.ScholarshipId));
        Assert.All(byValue.Matches, m => Assert.Equal(m.Score, m.ScoreBreakdown["value"], 4));
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(101.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    public void InvalidRequestWeights_AreRefused(double need, double merit)
    {
        var request = new MatchRequest { AsOf = AsOf, Weights = new ScoringWeights { Need = need, Merit = merit, Fit = 0, Value = 0, Urgency = 0, Priority = 0 } };
        Assert.Throws<ArgumentException>(() => TestCatalog.Matcher.Match(TestProfiles.Huancavelica, request));
    }

    private static double Value(string scholarshipId)
    {
        var plain = TestCatalog.Matcher.Explain(TestProfiles.Huancavelica, scholarshipId, new MatchRequest { AsOf = AsOf, Weights = new ScoringWeights { Need = 0, Merit = 0, Fit = 0, Value = 1, Urgency = 0, Priority = 0 } })!;
        return plain.Score;
    }
}
