using Matcher.Portal.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matcher.Portal.Observability;

/// <summary>Ready only once a catalog snapshot was loaded from the database.</summary>
internal sealed class CatalogHealthCheck(DatabaseCatalogSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Last is { } last
            ? HealthCheckResult.Healthy($"catalog {last.Version}")
            : HealthCheckResult.Unhealthy("no catalog loaded yet"));
}
