using BenchmarkDotNet.Attributes;
using Matcher.Catalog;
using Matcher.Indexing;
using Matcher.Scholarships;

namespace Matcher.Benchmarks;

/// <summary>B5: compiling a catalog, and the cost of publishing a change to one call (a new snapshot and its index).</summary>
public class IndexBuildBenchmark
{
    private CatalogSnapshot _catalog = null!;
    private Scholarship[] _entries = null!;
    private Scholarship _changed = null!;

    [Params(100_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Benchmarks.Setup.Catalog(Calls);
        _entries = [.. _catalog.Scholarships];
        _changed = _entries[Calls / 2] with { Vacancies = 123 };
    }

    [Benchmark]
    public int Build() => CatalogIndex.Build(_catalog).Count;

    [Benchmark]
    public int UpdateOneCall()
    {
        var entries = (Scholarship[])_entries.Clone();
        entries[Calls / 2] = _changed;
        return CatalogIndex.Build(new CatalogSnapshot("updated", entries)).Count;
    }
}
