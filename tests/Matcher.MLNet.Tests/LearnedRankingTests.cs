using Matcher.MLNet.Evaluation;
using Matcher.MLNet.Outcomes;
using Matcher.MLNet.Ranking;
using Matcher.MLNet.Simulation;
using Matcher.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.MLNet;

/// <summary>Simulated outcomes, the outcomes CSV, LightGBM training and the offline evaluation, end to end.</summary>
public sealed class LearnedRankingTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<OutcomeRecord>> Outcomes = new(() =>
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        return OutcomeSimulator.Simulate(services, new OutcomeSimulationOptions { Students = 1200, Seed = 7 });
    });

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "matcher-mlnet-" + Guid.NewGuid().ToString("N"));

    public LearnedRankingTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Simulator_IsSeededAndLabelsEveryRowSynthetic()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var a = OutcomeSimulator.Simulate(services, new OutcomeSimulationOptions { Students = 50, Seed = 3 });
        var b = OutcomeSimulator.Simulate(services, new OutcomeSimulationOptions { Students = 50, Seed = 3 });
        Assert.Equal(a.Select(r => (r.Student.Id, r.ScholarshipId, r.Outcome)), b.Select(r => (r.Student.Id, r.ScholarshipId, r.Outcome)));
        Assert.All(a, r => Assert.True(r.Synthetic));
        Assert.Contains(Outcomes.Value, r => r.Outcome == OutcomeKind.Awarded);
        Assert.Contains(Outcomes.Value, r => r.Outcome == OutcomeKind.Rejected);
        Assert.True(Outcomes.Value.Select(r => r.ScholarshipId).Distinct().Count() >= 8);
    }

    [Fact]
    public void OutcomesCsv_RoundTripsRowsAndProfiles()
    {
        var rows = Outcomes.Value.Take(200).ToArray();
        using var writer = new StringWriter();
        OutcomesCsv.Write(writer, rows);
        var back = OutcomesCsv.Read(new StringReader(writer.ToString()), "o.csv", out var errors);
        Assert.Empty(errors);
        Assert.Equal(rows.Length, back.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i] with { Student = back[i].Student }, back[i]);
            Assert.Equal(Serialization.StudentProfileJson.Serialize(rows[i].Student), Serialization.StudentProfileJson.Serialize(back[i].Student));
        }
    }

    [Fact]
    public void OutcomesCsv_InvalidRowsNameLineAndColumn_OtherRowsKept()
    {
        var csv = string.Join('\n',
            string.Join(',', OutcomesCsv.Columns),
            "st-1,beca18-2026-ordinaria,awarded,2025-12-15,false" + new string(',', OutcomesCsv.Columns.Count - 5),
            "st-2,beca18-2026-ordinaria,won,2025-13-01,false" + new string(',', OutcomesCsv.Columns.Count - 5));
        var rows = OutcomesCsv.Read(new StringReader(csv), "o.csv", out var errors);
        Assert.Single(rows);
        Assert.Equal(["outcome", "recordedOn"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal(3, e.Line));
    }

    [Fact]
    public void LightGbm_BeatsTheWeightedBaseline_OnHeldOutCalls()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var path = Path.Combine(_dir, "ranker.zip");
        var trained = LightGbmRankerTrainer.Train(services, Outcomes.Value, path, new LightGbmTrainingOptions { Seed = 2026 });
        Assert.True(trained > 100);
        Assert.True(File.Exists(path + ".features.json"));

        var weighted = RankingEvaluator.Evaluate(services, Outcomes.Value, services.GetRequiredService<IScholarshipRanker>());
        var lightgbm = RankingEvaluator.Evaluate(services, Outcomes.Value, new LightGbmRanker(path));
        Assert.Equal(weighted.Queries, lightgbm.Queries);
        Assert.True(lightgbm.Ndcg10 > weighted.Ndcg10 + 0.02, $"LightGBM NDCG@10 {lightgbm.Ndcg10:F4} vs weighted {weighted.Ndcg10:F4}");
        Assert.True(lightgbm.MeanAveragePrecision > weighted.MeanAveragePrecision, $"MAP {lightgbm.MeanAveragePrecision:F4} vs {weighted.MeanAveragePrecision:F4}");
        Assert.InRange(lightgbm.CatalogCoverage, 0.01, 1);
        Assert.NotNull(lightgbm.Worst);
        Assert.Contains(lightgbm.Fairness, f => f.Attribute == "gender" && f.Group == "female");
    }

    [Fact]
    public void AddLightGbmRanker_ReplacesTheWeightedRankerThroughDi()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var path = Path.Combine(_dir, "di.zip");
        LightGbmRankerTrainer.Train(services, Outcomes.Value.Take(2000).ToArray(), path, new LightGbmTrainingOptions { Iterations = 20 });
        using var withModel = new ServiceCollection().AddScholarshipMatcher().AddLightGbmRanker(path).Services.BuildServiceProvider();
        Assert.IsType<LightGbmRanker>(withModel.GetRequiredService<IScholarshipRanker>());
        var student = Outcomes.Value[0].Student;
        var report = withModel.GetRequiredService<Matching.IScholarshipMatcher>().Match(student, new Matching.MatchRequest { AsOf = new DateOnly(2025, 9, 20) });
        Assert.NotEmpty(report.Matches);
        Assert.All(report.Matches, m => Assert.InRange(m.Score, 0, 1));
        Assert.All(report.Matches, m => Assert.True(m.ScoreBreakdown.ContainsKey("lightgbm")));
    }

    [Fact]
    public void CompiledForest_GivesMlNetsOwnScores()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var path = Path.Combine(_dir, "forest.zip");
        LightGbmRankerTrainer.Train(services, Outcomes.Value, path, new LightGbmTrainingOptions { Iterations = 60 });
        var ranker = new LightGbmRanker(path);
        Assert.Equal(60, ranker.TreeCount);
        var random = new Random(5);
        // 303 rows: the four-row blocks and the remaining rows.
        var features = Enumerable.Range(0, 303 * Matcher.Ranking.Features.RankingFeatures.Count).Select(_ => (float)((random.NextDouble() * 2.2) - 1.1)).ToArray();
        var compiled = ranker.ScoreFeatures(features, 303);
        var reference = ranker.ScoreWithMlNet(features, 303);
        for (var i = 0; i < 303; i++)
        {
            Assert.Equal(reference[i], compiled[i], 4);
        }

        Assert.True(compiled.Distinct().Count() > 10);
    }

    [Fact]
    public void Metrics_MatchHandComputedValues()
    {
        Assert.Equal(1.0, RankingEvaluator.Ndcg([3, 2, 0, 0], 10), 10);
        var dcg = (1 / Math.Log2(2)) + (7 / Math.Log2(3));
        var ideal = 7 + (1 / Math.Log2(3));
        Assert.Equal(dcg / ideal, RankingEvaluator.Ndcg([1, 3, 0], 10), 10);
        Assert.Equal((1.0 + (2.0 / 3)) / 2, RankingEvaluator.AveragePrecision([1, 0, 2]), 10);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
