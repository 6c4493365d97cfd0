namespace Docket.Bench.Marten;

/// <summary>Latency samples and their percentiles (as Docket.Bench keeps them).</summary>
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

/// <summary>What one measured loop did.</summary>
internal sealed record LoopResult(long Done, long Failed, double Seconds, double P50, double P99)
{
    public double Rate => Done / Seconds;
}
