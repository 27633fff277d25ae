using BenchmarkDotNet.Attributes;
using Matcher.Catalog;
using Matcher.Indexing;
using Matcher.Students;
using Matcher.Testing;

namespace Matcher.Benchmarks;

/// <summary>
/// B6: the same rules and inputs on three engines — Microsoft RulesEngine 6.0.1 (the catalog translated into one
/// workflow per call), the naive per-criterion scan (baseline), and the compiled index. Complete profiles, since
/// RulesEngine has no "unknown".
/// </summary>
public class PeerEnginesBenchmark
{
    private CatalogSnapshot _catalog = null!;
    private CatalogIndex _index = null!;
    private CatalogQuery _query = null!;
    private RulesEngine.RulesEngine _rules = null!;
    private StudentProfile[] _students = null!;
    private RulesInput[] _inputs = null!;
    private int _next;

    [Params(0, 2_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Benchmarks.Setup.Catalog(Calls);
        _index = _catalog.Index;
        _query = _index.CreateQuery();
        _students = Benchmarks.Setup.CompleteStudents(64);
        _inputs = _students.Select(s => new RulesInput(s)).ToArray();
        _rules = new RulesEngine.RulesEngine(RulesEngineTranslation.Workflows(_catalog, Benchmarks.Setup.AsOf), new RulesEngine.Models.ReSettings());

        // RulesEngine compiles each workflow on its first run; keep that out of the measurement, as its maintainers advise.
        _ = RulesEngine().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> RulesEngine()
    {
        var input = _inputs[_next++ & 63];
        var eligible = 0;
        foreach (var s in _catalog.Scholarships)
        {
            var results = await _rules.ExecuteAllRulesAsync(s.Id, input).ConfigureAwait(false);
            if (results.TrueForAll(r => r.IsSuccess))
            {
                eligible++;
            }
        }

        return eligible;
    }

    [Benchmark(Baseline = true)]
    public int NaiveScan() => Benchmarks.NaiveScan.Count(_catalog, _students[_next++ & 63], Benchmarks.Setup.AsOf).Eligible;

    [Benchmark]
    public int Index()
    {
        _index.Evaluate(_students[_next++ & 63], Benchmarks.Setup.AsOf, _query);
        return _query.EligibleCount;
    }
}
