using Matcher.Ingestion.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Matcher.Ingestion;

/// <summary>Registers catalog ingestion: the guarded, resilient fetcher and the source checker.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers ingestion with options bound from a configuration section (<see cref="IngestionOptions.Section"/>).</summary>
    /// <param name="services">The services; an <see cref="Parsing.IScholarshipCallParser"/> must be registered (<c>AddScholarshipMatcher</c> does).</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCatalogIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddCatalogIngestion(o => configuration.Bind(o));
    }

    /// <summary>Registers ingestion.</summary>
    /// <param name="services">The services; an <see cref="Parsing.IScholarshipCallParser"/> must be registered (<c>AddScholarshipMatcher</c> does).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCatalogIngestion(this IServiceCollection services, Action<IngestionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IngestionOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SourceChecker)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(PageFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedHttpHandler.Create(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.AllowLoopback))
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
                resilience.AttemptTimeout.Timeout = o.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = o.TotalTimeout > o.AttemptTimeout ? o.TotalTimeout : o.AttemptTimeout * (o.MaxRetries + 2);
                resilience.Retry.MaxRetryAttempts = o.MaxRetries;
                resilience.Retry.Delay = o.RetryDelay;
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;

                // A refused address is not transient: retrying it only delays the answer.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    !IsBlocked(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome));
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, o.AttemptTimeout.Ticks * 2));
            })
            .SelectPipelineByAuthority();
        services.TryAddSingleton<IPageFetcher, PageFetcher>();
        services.TryAddSingleton<SourceChecker>();
        return services;
    }

    private static bool IsBlocked(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }
}
