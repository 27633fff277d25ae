using Matcher.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Observability;
using Matcher.Portal.Options;
using Matcher.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Catalog;

/// <summary>
/// Keeps this replica in step with the database: polls the catalog revision and the active weight set and model, and
/// reloads the snapshot when the revision moved. Several replicas behind one Service agree within one poll interval.
/// </summary>
internal sealed partial class CatalogWatcher(
    IDbContextFactory<MatcherDbContext> databases,
    ICatalogProvider catalog,
    DatabaseCatalogSource source,
    ActiveSettings settings,
    ActiveMatcher rankers,
    PortalMetrics metrics,
    IOptions<PortalOptions> options,
    TimeProvider time,
    ILogger<CatalogWatcher> logger) : BackgroundService
{
    private bool _lastCheckFailed;

    /// <summary>Checks once: reloads the catalog when the database has a newer revision, refreshes the active settings.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var revision = await db.CatalogStates.AsNoTracking().Select(s => s.Revision).SingleAsync(cancellationToken).ConfigureAwait(false);
        if (source.Last is not { } last || last.Revision != revision)
        {
            var snapshot = await catalog.ReloadAsync(cancellationToken).ConfigureAwait(false);
            LogReloaded(snapshot.Version);
        }

        var weights = await db.WeightSets.AsNoTracking().Where(w => w.IsActive).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var model = await db.RankerModels.AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Version, m.Kind }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            rankers.UseWeighted();
        }
        else if (model.Version != rankers.ModelVersion)
        {
            var content = await db.RankerModels.AsNoTracking().Where(m => m.Version == model.Version).Select(m => m.Content).SingleAsync(cancellationToken).ConfigureAwait(false);
            rankers.Use(model.Version, model.Kind, content);
        }

        settings.Set(new ActiveSettings.Snapshot(
            weights?.Version,
            weights is null ? null : new ScoringWeights { Need = weights.Need, Merit = weights.Merit, Fit = weights.Fit, Value = weights.Value, Urgency = weights.Urgency, Priority = weights.Priority },
            rankers.ModelVersion,
            rankers.ModelKind));
        metrics.SetVersions(catalog.Current.Version, settings.Current);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CatalogPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
                if (_lastCheckFailed)
                {
                    LogRecovered();
                    _lastCheckFailed = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The watcher must outlive a database outage or a rejected catalog: the last snapshot keeps serving.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (!_lastCheckFailed)
                {
                    LogCheckFailed(ex.GetType().Name);
                }

                _lastCheckFailed = true;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Catalog {Version} loaded from the database.")]
    private partial void LogReloaded(string version);

    [LoggerMessage(2, LogLevel.Warning, "Catalog check failed ({Error}); the current snapshot keeps serving.")]
    private partial void LogCheckFailed(string error);

    [LoggerMessage(3, LogLevel.Information, "Catalog checks work again.")]
    private partial void LogRecovered();
}
