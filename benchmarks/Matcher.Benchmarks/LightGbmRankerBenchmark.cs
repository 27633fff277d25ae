using BenchmarkDotNet.Attributes;
using Matcher.Eligibility;
using Matcher.MLNet.Ranking;
using Matcher.MLNet.Simulation;
using Matcher.Ranking.Features;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Benchmarks;

/// <summary>
/// L1: a LightGBM LambdaRank model (150 trees, 16 leaves) scoring 2,000 candidates of one student; target ≤ 3 ms.
/// Also the whole ranker (features, model, sort) and the feature computation alone.
/// </summary>
public class LightGbmRankerBenchmark
{
    private string _dir = null!;
    private LightGbmRanker _ranker = null!;
    private StudentProfile _student = null!;
    private List<ScoredCandidate> _candidates = null!;
    private float[] _features = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "matcher-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        using (var real = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider())
        {
            var outcomes = OutcomeSimulator.Simulate(real, new OutcomeSimulationOptions { Students = 800, Seed = 1 });
            LightGbmRankerTrainer.Train(real, outcomes, Path.Combine(_dir, "lgbm.zip"));
        }

        _ranker = new LightGbmRanker(Path.Combine(_dir, "lgbm.zip"));
        var catalog = Benchmarks.Setup.Catalog(2_000);
        using var services = Benchmarks.Setup.Services(catalog);
        var evaluator = services.GetRequiredService<IEligibilityEvaluator>();
        var scorer = services.GetRequiredService<IScholarshipScorer>();
        _student = Benchmarks.Setup.Students(1)[0];
        _candidates = catalog.Scholarships.Select(s => scorer.Score(_student, s, evaluator.Evaluate(_student, s, Benchmarks.Setup.AsOf), Benchmarks.Setup.AsOf)).ToList();
        _features = new float[_candidates.Count * RankingFeatures.Count];
        RankingFeatures.Compute(_student, _candidates, _features);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public float Score2000() => _ranker.ScoreFeatures(_features, _candidates.Count)[0];

    /// <summary>The same scores through ML.NET's own pipeline (IDataView, Transform): the reference the forest replaces.</summary>
    [Benchmark(Baseline = true)]
    public float Score2000MlNet() => _ranker.ScoreWithMlNet(_features, _candidates.Count)[0];

    [Benchmark]
    public int Rank2000() => _ranker.Rank(_student, _candidates).Count;

    [Benchmark]
    public float Features2000()
    {
        RankingFeatures.Compute(_student, _candidates, _features);
        return _features[0];
    }
}
