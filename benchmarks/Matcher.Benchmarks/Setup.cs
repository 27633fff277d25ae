using Matcher.Catalog;
using Matcher.Matching;
using Matcher.Properties;
using Matcher.Students;
using Matcher.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher.Benchmarks;

/// <summary>Builds the systems under test through the real DI registration, with catalogs and students from fixed seeds.</summary>
internal static class Setup
{
    public static readonly DateOnly AsOf = new(2025, 9, 20);

    private static readonly Lazy<CatalogSnapshot> Real = new(() =>
        Services(null).GetRequiredService<ICatalogProvider>().Current);

    public static CatalogSnapshot RealCatalog => Real.Value;

    /// <summary>The real catalog when <paramref name="size"/> is 0, else a synthetic catalog of that size built from its shapes.</summary>
    public static CatalogSnapshot Catalog(int size) => size == 0 ? RealCatalog : SyntheticCatalog.Build(RealCatalog, size, seed: 42);

    /// <summary>The matcher's services over a given snapshot (the built-in catalog when null), as an application registers them.</summary>
    public static ServiceProvider Services(CatalogSnapshot? snapshot)
    {
        var services = new ServiceCollection();
        services.AddScholarshipMatcher();
        if (snapshot is not null)
        {
            services.RemoveAll<ICatalogSource>();
            services.AddSingleton<ICatalogSource>(new FixedSource(snapshot));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Students with some facts unknown (forget probability 0.2), as counselors' data usually is.</summary>
    public static StudentProfile[] Students(int count, int seed = 1, double forget = 0.2)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Completion.Partial(random, forget, "st-" + i)).ToArray();
    }

    /// <summary>Students with every fact known (RulesEngine is two-valued).</summary>
    public static StudentProfile[] CompleteStudents(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Completion.Full(random, "st-" + i)).ToArray();
    }

    private sealed class FixedSource(CatalogSnapshot snapshot) : ICatalogSource
    {
        public ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(snapshot);
    }
}
