using System.Diagnostics;
using JasperFx.Events;

namespace Docket.Bench.Marten;

/// <summary>(c) Reading one stream and folding it (Marten's live aggregation), concurrent readers on random cases.</summary>
internal static class StreamReads
{
    public static async Task<LoopResult> RunAsync(string connectionString, IReadOnlyList<string> streams, int readers, TimeSpan duration)
    {
        using var store = PeerStore.Open(connectionString, EventAppendMode.Rich);
        var latencies = new Latencies();
        long done = 0, failed = 0;
        var end = DateTime.UtcNow + duration;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < end)
            {
                var key = streams[Random.Shared.Next(streams.Count)];
                var started = Stopwatch.GetTimestamp();
                await using var session = store.QuerySession();
                var folded = await session.Events.AggregateStreamAsync<CaseStream>(key);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref folded is { Events: > 0 } ? ref done : ref failed);
            }
        })));
        watch.Stop();
        return new LoopResult(done, failed, watch.Elapsed.TotalSeconds, latencies.Millis());
    }
}
