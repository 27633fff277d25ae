using BenchmarkDotNet.Attributes;
using Matcher.Catalog;
using Matcher.Indexing;
using Matcher.Students;

namespace Matcher.Benchmarks;

/// <summary>B1: one student against a whole catalog, verdicts only (counts of eligible and unknown).</summary>
public class EligibilityBenchmark
{
    private CatalogSnapshot _catalog = null!;
    private CatalogIndex _index = null!;
    private CatalogQuery _query = null!;
    private StudentProfile[] _students = null!;
    private int _next;

    /// <summary>0 is the real catalog; the others are synthetic catalogs built from its shapes.</summary>
    [Params(0, 2_000, 100_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Benchmarks.Setup.Catalog(Calls);
        _index = _catalog.Index;
        _query = _index.CreateQuery();
        _students = Benchmarks.Setup.Students(1024);
    }

    [Benchmark(Baseline = true)]
    public int NaiveScan() => Benchmarks.NaiveScan.Count(_catalog, Next(), Benchmarks.Setup.AsOf).Eligible;

    [Benchmark]
    public int Index()
    {
        _index.Evaluate(Next(), Benchmarks.Setup.AsOf, _query);
        return _query.EligibleCount;
    }

    private StudentProfile Next() => _students[_next++ & 1023];
}
