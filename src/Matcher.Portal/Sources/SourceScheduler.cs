using Matcher.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Sources;

/// <summary>
/// Checks due sources (not paused, web or feed, next check reached) every poll interval, a few at a time; one source
/// failing, even by throwing, never stops the others or the loop. Time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class SourceScheduler(
    SourceRunner runner,
    IDbContextFactory<MatcherDbContext> databases,
    IOptions<SourceSchedulerOptions> options,
    TimeProvider time,
    ILogger<SourceScheduler> logger) : BackgroundService
{
    /// <summary>Checks every due source once.</summary>
    /// <returns>How many were checked.</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var candidates = await db.Sources.AsNoTracking()
            .Where(s => !s.Paused && s.Kind != "manual" && s.Url != null)
            .Select(s => new { s.Id, s.NextCheckAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Filtered here: SQLite cannot compare DateTimeOffset columns in SQL.
        var due = candidates.Where(s => s.NextCheckAt is null || s.NextCheckAt <= now).Select(s => s.Id).ToArray();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentChecks, CancellationToken = cancellationToken }, async (id, token) =>
        {
            try
            {
                await runner.CheckAsync(id, "scheduler", null, null, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                LogSourceFailed(id, ex);
            }
        }).ConfigureAwait(false);
        return due.Length;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogCycleFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Checking source {SourceId} failed.")]
    private partial void LogSourceFailed(int sourceId, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "A scheduling cycle of source checks failed; the next one runs as planned.")]
    private partial void LogCycleFailed(Exception exception);
}
