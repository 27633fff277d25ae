using System.Collections.Concurrent;

namespace Matcher.Ingestion.Fetching;

/// <summary>Spaces requests to the same host by at least the politeness delay; different hosts do not wait for each other.</summary>
internal sealed class PolitenessGate(TimeSpan delay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitAsync(string host, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var slot = _hosts.GetOrAdd(host, _ => new Slot());
        await slot.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = slot.Next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            slot.Next = time.GetUtcNow() + delay;
        }
        finally
        {
            slot.Lock.Release();
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;
    }
}
