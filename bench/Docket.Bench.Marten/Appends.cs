using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;

namespace Docket.Bench.Marten;

/// <summary>
/// (a) Single-event appends with an expected version: concurrent writers, each on streams of
/// its own (so the version check never races another writer), one event and one transaction a
/// request, as Docket's API appends are measured.
/// </summary>
internal static class Appends
{
    public static async Task<LoopResult> RunAsync(string connectionString, IReadOnlyList<string> streams, int writers, TimeSpan duration)
    {
        using var store = PeerStore.Open(connectionString, EventAppendMode.Rich);
        var versions = new Dictionary<string, long>();
        await using (var query = store.QuerySession())
        {
            foreach (var key in streams)
            {
                versions[key] = (await query.Events.FetchStreamStateAsync(key))!.Version;
            }
        }

        var latencies = new Latencies();
        long done = 0, failed = 0;
        var end = DateTime.UtcNow + duration;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var owned = streams.Where((_, i) => i % writers == writer).ToArray();
            var mine = owned.ToDictionary(key => key, key => versions[key]);
            for (var i = 0; DateTime.UtcNow < end; i++)
            {
                var key = owned[i % owned.Length];
                var body = JsonSerializer.SerializeToElement(new { type = "MailingAddressChanged", on = $"2026-11-2{i % 9}", address = $"{i} Invented Lane, Springfield" });
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var session = store.LightweightSession();
                    session.Events.Append(key, mine[key] + 1, new CaseEventRecorded("MailingAddressChanged", body));
                    await session.SaveChangesAsync();
                    mine[key]++;
                    Interlocked.Increment(ref done);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
        })));
        watch.Stop();
        return new LoopResult(done, failed, watch.Elapsed.TotalSeconds, latencies.Millis());
    }
}
