using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Matcher.Matching;

/// <summary>
/// A bounded, order-preserving parallel map over an async stream: one producer reads the input into batches, one
/// worker per core maps them, and the consumer yields the results batch by batch in input order. At most
/// <c>4 × cores</c> batches are in flight, so memory does not grow with the input.
/// </summary>
internal static class OrderedParallel
{
    private const int BatchSize = 64;

    public static async IAsyncEnumerable<TResult> SelectAsync<TSource, TResult>(
        IAsyncEnumerable<TSource> source,
        Func<TSource, TResult> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        var inFlight = new BoundedChannelOptions(workers * 4) { SingleWriter = true };
        var ordered = Channel.CreateBounded<Batch<TSource, TResult>>(inFlight);
        var work = Channel.CreateBounded<Batch<TSource, TResult>>(inFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, ordered.Writer, work.Writer, stop.Token), CancellationToken.None);
        var mappers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => MapAsync(work.Reader, map, stop.Token), CancellationToken.None)).ToArray();
        try
        {
            await foreach (var batch in ordered.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await batch.Done.Task.ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    yield return batch.Results[i];
                }
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll([producer, .. mappers]).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Stopping early cancels the producer and workers; a failure has already reached the consumer.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static async Task ProduceAsync<TSource, TResult>(
        IAsyncEnumerable<TSource> source,
        ChannelWriter<Batch<TSource, TResult>> ordered,
        ChannelWriter<Batch<TSource, TResult>> work,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var batch = new Batch<TSource, TResult>();
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Items[batch.Count++] = item;
                if (batch.Count == BatchSize)
                {
                    await ordered.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    await work.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new Batch<TSource, TResult>();
                }
            }

            if (batch.Count > 0)
            {
                await ordered.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                await work.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Any failure of the input is handed to the consumer through the channel.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }
        finally
        {
            ordered.TryComplete(failure);
            work.TryComplete(failure);
        }
    }

    private static async Task MapAsync<TSource, TResult>(ChannelReader<Batch<TSource, TResult>> work, Func<TSource, TResult> map, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch.Results[i] = map(batch.Items[i]);
                        batch.Items[i] = default!;
                    }

                    batch.Done.TrySetResult();
                }
#pragma warning disable CA1031 // A failure is delivered to the consumer in input order.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    batch.Done.TrySetException(ex);
                }
            }
        }
#pragma warning disable CA1031 // The producer failed or the batch was cancelled; the consumer sees why.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class Batch<TSource, TResult>
    {
        public TSource[] Items { get; } = new TSource[BatchSize];

        public TResult[] Results { get; } = new TResult[BatchSize];

        public int Count { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
