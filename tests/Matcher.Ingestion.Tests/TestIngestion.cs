using Matcher.Ingestion.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Ingestion;

/// <summary>The real ingestion services (guarded handler, standard resilience, offline parser) with test-sized limits.</summary>
internal static class TestIngestion
{
    public static ServiceProvider Services(Action<IngestionOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScholarshipMatcher();
        services.AddCatalogIngestion(o =>
        {
            o.AllowLoopback = true;
            o.PolitenessDelay = TimeSpan.Zero;
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public static IPageFetcher Fetcher(this ServiceProvider services) => services.GetRequiredService<IPageFetcher>();

    public static SourceChecker Checker(this ServiceProvider services) => services.GetRequiredService<SourceChecker>();
}
