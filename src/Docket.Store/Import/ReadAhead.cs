using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Docket.Store.Import;

/// <summary>Runs a sequence's producer ahead of its consumer on another thread, a few items deep.</summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Prefetch<T>(this IAsyncEnumerable<T> source, int depth, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            // The consumer stopped early (or failed): stop the producer and wait for it, so the file is closed.
            await stop.CancelAsync();
            await producer;
        }
    }
}
