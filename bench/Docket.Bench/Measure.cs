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

/// <summary>Runs a child process and records its wall time and peak resident memory (polled from /proc).</summary>
internal static class ChildProcess
{
    public static async Task<(TimeSpan Elapsed, long PeakBytes, int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args)
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
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ResidentBytes(process.Id));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        watch.Stop();
        return (watch.Elapsed, peak, process.ExitCode, (await output) + (await error));
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) || line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
