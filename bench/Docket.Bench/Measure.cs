using System.Diagnostics;

namespace Docket.Bench;

/// <summary>Latency samples and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> millis = [];

    public void Add(TimeSpan elapsed)
    {
        lock (millis)
        {
            millis.Add(elapsed.TotalMilliseconds);
        }
    }

    public int Count => millis.Count;

    public void AddAll(Latencies other)
    {
        double[] theirs;
        lock (other.millis)
        {
            theirs = [.. other.millis];
        }

        lock (millis)
        {
            millis.AddRange(theirs);
        }
    }

    public double Percentile(double p)
    {
        lock (millis)
        {
            if (millis.Count == 0)
            {
                return double.NaN;
            }

            var sorted = millis.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }
}

/// <summary>What a child process did: wall time, peak resident memory, and resident memory sampled over the run.</summary>
internal sealed record ChildRun(TimeSpan Elapsed, long PeakBytes, int ExitCode, string Output, IReadOnlyList<(TimeSpan At, long Bytes)> Resident)
{
    /// <summary>Resident memory at a fraction of the run (0.25 = a quarter of the way through).</summary>
    public long ResidentAt(double fraction) =>
        Resident.Count == 0 ? 0 : Resident.MinBy(s => Math.Abs(s.At.TotalSeconds - (fraction * Elapsed.TotalSeconds))).Bytes;
}

/// <summary>Runs a child process and records its wall time and resident memory (polled from /proc).</summary>
internal static class ChildProcess
{
    public static async Task<ChildRun> RunAsync(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var resident = new List<(TimeSpan, long)>();
        while (!process.HasExited)
        {
            var (rss, hwm) = Memory(process.Id);
            peak = Math.Max(peak, Math.Max(rss, hwm));
            if (rss > 0)
            {
                resident.Add((watch.Elapsed, rss));
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return new ChildRun(watch.Elapsed, peak, process.ExitCode, (await output) + (await error), resident);
    }

    /// <summary>VmRSS (resident now) and VmHWM (the highest it has been), in bytes.</summary>
    private static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return (rss, hwm);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
