using BenchmarkDotNet.Attributes;
using Matcher.Indexing;
using Matcher.Students;

namespace Matcher.Benchmarks;

/// <summary>
/// B3 and B4: a national cohort — one million students (generated profiles from a pool, cycled)
/// against 2,000 calls on every core: verdict counts (B3), and the top 10 per student with scores, streamed (B4).
/// </summary>
public class CohortBenchmark
{
    private CatalogIndex _index = null!;
    private StudentProfile[] _pool = null!;
    private double[] _weights = null!;

    [Params(1_000_000)]
    public int Students { get; set; }

    [Params(2_000)]
    public int Calls { get; set; }

    /// <summary>Distinct profiles cycled through; a small pool stays in cache as a streamed profile does right after parsing.</summary>
    [Params(4_096)]
    public int Pool { get; set; } = 4_096;

    [GlobalSetup]
    public void Setup()
    {
        _index = Benchmarks.Setup.Catalog(Calls).Index;
        _pool = Benchmarks.Setup.Students(Pool, seed: 5);
        _weights = new MatcherOptions().Weights.ToArray();
    }

    [Benchmark]
    public long EligibilityCounts()
    {
        var workers = Environment.ProcessorCount;
        var totals = new long[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var query = _index.CreateQuery();
            long eligible = 0;
            for (var i = w; i < Students; i += workers)
            {
                _index.Evaluate(_pool[i % _pool.Length], Benchmarks.Setup.AsOf, query);
                eligible += query.EligibleCount;
            }

            totals[w] = eligible;
        });
        return totals.Sum();
    }

    [Benchmark]
    public double StreamedTop10()
    {
        var workers = Environment.ProcessorCount;
        var totals = new double[workers];
        var total = _weights.Sum();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var query = _index.CreateQuery();
            var top = new RankedIndex[10];
            var sum = 0.0;
            for (var i = w; i < Students; i += workers)
            {
                var n = _index.RankTop(_pool[i % _pool.Length], Benchmarks.Setup.AsOf, query, _weights, total, 60, top);
                for (var k = 0; k < n; k++)
                {
                    sum += top[k].Score;
                }
            }

            totals[w] = sum;
        });
        return totals.Sum();
    }
}
