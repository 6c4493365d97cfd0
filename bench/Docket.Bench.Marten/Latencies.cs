namespace Docket.Bench.Marten;

/// <summary>Latency samples of a loop's concurrent clients (as Docket.Bench keeps them).</summary>
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

    public double[] Millis()
    {
        lock (millis)
        {
            return [.. millis];
        }
    }
}

/// <summary>What one measured loop did, with every operation's latency in milliseconds.</summary>
internal sealed record LoopResult(long Done, long Failed, double Seconds, double[] Millis)
{
    public double Rate => Done / Seconds;

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    private double Percentile(double p)
    {
        if (Millis.Length == 0)
        {
            return double.NaN;
        }

        var sorted = Millis.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
