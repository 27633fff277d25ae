using System.Threading.RateLimiting;
using Matcher.Portal.Options;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Security;

/// <summary>
/// The anonymous matching limit for the public questionnaire: HTTP rate limiting never sees a Blazor circuit's events,
/// so the page asks this limiter before each match. Same window and permits as the API's <c>anonymous-match</c>
/// policy (<see cref="Window"/>), partitioned by the same client key (the address the circuit was opened from).
/// </summary>
internal sealed class AnonymousMatchLimiter(IOptions<PortalOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(options.Value.AnonymousMatchPermitsPerMinute)));

    /// <summary>The fixed window both the API policy and the page use.</summary>
    public static FixedWindowRateLimiterOptions Window(int permitsPerMinute) => new()
    {
        PermitLimit = permitsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    /// <summary>Takes one permit for a client; false (and when to retry, if known) once its window is spent.</summary>
    public bool TryAcquire(string clientKey, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
