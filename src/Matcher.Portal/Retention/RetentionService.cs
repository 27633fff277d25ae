using Matcher.Portal.Data;
using Matcher.Portal.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Retention;

/// <summary>
/// Deletes personal data older than <see cref="RetentionOptions"/> allows: registered students (with their match
/// results and outcomes, by the database's cascades) and stored match runs. Each pass that deletes something writes the
/// counts, never an id or a value, to the audit log. Every replica runs it; a pass is idempotent.
/// </summary>
internal sealed partial class RetentionService(
    IDbContextFactory<MatcherDbContext> databases,
    IOptionsMonitor<PortalOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>One pass: deletes what has expired at the current time; answers the counts.</summary>
    public async Task<(int Students, int MatchRuns)> PurgeAsync(CancellationToken cancellationToken)
    {
        var retention = options.CurrentValue.Retention;
        var now = time.GetUtcNow();
        var studentCutoff = now - TimeSpan.FromDays(retention.StudentDays);
        var runCutoff = now - TimeSpan.FromDays(retention.MatchRunDays);

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var students = await db.Students.Where(s => !s.IsDemo && s.UpdatedAt < studentCutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var runs = await db.MatchRuns.Where(r => r.CreatedAt < runCutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (students + runs > 0)
            {
                AuditLog.Add(db, time, "system", "retention.purge", "retention", now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"students={students} matchRuns={runs}");
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (students, runs);
        }).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (students, runs) = await PurgeAsync(stoppingToken).ConfigureAwait(false);
                if (students + runs > 0)
                {
                    LogPurged(logger, students, runs);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next pass retries; a database outage must not stop the host.
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
#pragma warning restore CA1031
            {
                LogFailed(logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(options.CurrentValue.Retention.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Retention: {Students} students and {MatchRuns} match runs past their retention period were deleted.")]
    private static partial void LogPurged(ILogger logger, int students, int matchRuns);

    [LoggerMessage(2, LogLevel.Warning, "Retention pass failed ({Error}); the next pass retries.")]
    private static partial void LogFailed(ILogger logger, string error);
}
