using BenchmarkDotNet.Attributes;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Indexing;
using Matcher.Matching;
using Matcher.Ranking;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Benchmarks;

/// <summary>B2: one student, verdicts plus score and the top 20; and the whole report with explanations, as the API returns it.</summary>
public class RankingBenchmark
{
    private CatalogSnapshot _catalog = null!;
    private CatalogIndex _index = null!;
    private CatalogQuery _query = null!;
    private ServiceProvider _services = null!;
    private IScholarshipMatcher _matcher = null!;
    private IEligibilityEvaluator _evaluator = null!;
    private IScholarshipScorer _scorer = null!;
    private IScholarshipRanker _ranker = null!;
    private RankedIndex[] _top = null!;
    private double[] _weights = null!;
    private StudentProfile[] _students = null!;
    private int _next;

    [Params(0, 2_000, 100_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Benchmarks.Setup.Catalog(Calls);
        _services = Benchmarks.Setup.Services(_catalog);
        _matcher = _services.GetRequiredService<IScholarshipMatcher>();
        _evaluator = _services.GetRequiredService<IEligibilityEvaluator>();
        _scorer = _services.GetRequiredService<IScholarshipScorer>();
        _ranker = _services.GetRequiredService<IScholarshipRanker>();
        _index = _catalog.Index;
        _query = _index.CreateQuery();
        _top = new RankedIndex[20];
        _weights = new MatcherOptions().Weights.ToArray();
        _students = Benchmarks.Setup.Students(1024);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The straightforward way: evaluate and score every scholarship, sort with LINQ, take 20.</summary>
    [Benchmark(Baseline = true)]
    public double LinqOrderBy()
    {
        var student = Next();
        var candidates = _catalog.Scholarships
            .Select(s => (s, e: _evaluator.Evaluate(student, s, Benchmarks.Setup.AsOf)))
            .Where(x => x.e.Verdict != EligibilityVerdict.Ineligible)
            .Select(x => _scorer.Score(student, x.s, x.e, Benchmarks.Setup.AsOf))
            .ToList();
        return _ranker.Rank(student, candidates).Take(20).Sum(r => r.Score);
    }

    [Benchmark]
    public double IndexTop20()
    {
        var n = _index.RankTop(Next(), Benchmarks.Setup.AsOf, _query, _weights, _weights.Sum(), 60, _top);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += _top[i].Score;
        }

        return sum;
    }

    /// <summary>The full report of the top 20, reasons and next steps rendered in Spanish: what the API answers.</summary>
    [Benchmark]
    public int ReportTop20() => _matcher.Match(Next(), new MatchRequest { AsOf = Benchmarks.Setup.AsOf, Top = 20 }).Matches.Count;

    private StudentProfile Next() => _students[_next++ & 1023];
}
