using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;

namespace Docket.Bench.Marten;

/// <summary>
/// (b) Loading the workload file: Marten's fastest documented way for new streams, quick append
/// mode with many <c>StartStream</c> calls in one session, one <c>SaveChangesAsync</c> per batch.
/// </summary>
internal static class BulkLoad
{
    private const int StreamsPerSession = 1_000;

    public static async Task<(long Events, long Streams, double Seconds)> RunAsync(string connectionString, string workload)
    {
        using var store = PeerStore.Open(connectionString, EventAppendMode.Quick);
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        long events = 0, streams = 0;
        var watch = Stopwatch.StartNew();
        var session = store.LightweightSession();
        try
        {
            string? current = null;
            var pending = new List<object>();
            var inSession = 0;
            foreach (var line in File.ReadLines(workload))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var aNumber = root.GetProperty("aNumber").GetString()!;
                if (aNumber != current)
                {
                    Start(current, pending);
                    current = aNumber;
                    if (inSession == StreamsPerSession)
                    {
                        await session.SaveChangesAsync();
                        await session.DisposeAsync();
                        session = store.LightweightSession();
                        inSession = 0;
                    }

                    inSession++;
                    streams++;
                }

                pending.Add(new CaseEventRecorded(root.GetProperty("type").GetString()!, root.Clone()));
                events++;
            }

            Start(current, pending);
            await session.SaveChangesAsync();
        }
        finally
        {
            await session.DisposeAsync();
        }

        watch.Stop();
        return (events, streams, watch.Elapsed.TotalSeconds);

        void Start(string? aNumber, List<object> lines)
        {
            if (aNumber is not null && lines.Count > 0)
            {
                session.Events.StartStream(aNumber, [.. lines]);
            }

            lines.Clear();
        }
    }
}
