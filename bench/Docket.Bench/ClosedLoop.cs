using System.Diagnostics;

namespace Docket.Bench;

/// <summary>What one phase of load did: operations that succeeded, wall time, every latency, failures.</summary>
internal sealed record LoadResult(long Done, TimeSpan Elapsed, Latencies Latencies, long Failed)
{
    public double Rate => Done / Elapsed.TotalSeconds;

    public double P50 => Latencies.Percentile(50);

    public double P99 => Latencies.Percentile(99);

    /// <summary>Several rounds of the same phase as one: their operations, time and latencies added up.</summary>
    public static LoadResult Combine(IReadOnlyCollection<LoadResult> rounds)
    {
        var latencies = new Latencies();
        foreach (var round in rounds)
        {
            latencies.AddAll(round.Latencies);
        }

        return new LoadResult(rounds.Sum(r => r.Done), TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)), latencies, rounds.Sum(r => r.Failed));
    }
}

/// <summary>
/// Closed-loop load: each client sends its next operation as soon as the last one answered, for a
/// fixed time; every operation's latency is kept.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>
    /// The same loop run first for <paramref name="warmUp"/> and not counted (when it is longer
    /// than zero): a fresh server's caches and pool, or a fresh process's JIT, are not what a steady
    /// rate is about. The peer warms up alike before each of its rounds (PeerRounds).
    /// </summary>
    public static async Task<LoadResult> WarmedUpAsync(string label, int clients, TimeSpan warmUp, TimeSpan duration, Func<int, int, Task<bool>> operation)
    {
        if (warmUp > TimeSpan.Zero)
        {
            await RunAsync($"{label} (warm-up)", clients, warmUp, operation);
        }

        return await RunAsync(label, clients, duration, operation);
    }

    /// <summary>
    /// The operation is given (client, i) and answers whether it succeeded. Prints one line a phase,
    /// with its start and end on CLOCK_MONOTONIC (what <c>perf record -k CLOCK_MONOTONIC</c> stamps
    /// samples with), so a profile of the whole run can be cut to one phase.
    /// </summary>
    public static async Task<LoadResult> RunAsync(string label, int clients, TimeSpan duration, Func<int, int, Task<bool>> operation)
    {
        var from = Stopwatch.GetTimestamp();
        var latencies = new Latencies();
        long done = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; DateTime.UtcNow < end; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(client, i);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref ok ? ref done : ref failed);
            }
        })));
        watch.Stop();
        var result = new LoadResult(done, watch.Elapsed, latencies, failed);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  {label}: {result.Rate:N0}/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {failed} failed (monotonic {Seconds(from):F3} to {Seconds(Stopwatch.GetTimestamp()):F3} s)"));
        return result;
    }

    private static double Seconds(long timestamp) => timestamp / (double)Stopwatch.Frequency;
}
