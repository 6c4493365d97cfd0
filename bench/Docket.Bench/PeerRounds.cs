namespace Docket.Bench;

/// <summary>
/// Docket's in-process appends and reads and Marten's, in alternating rounds: Docket, Marten,
/// Marten, Docket for each. Measured one phase after the other, the two sides' figures carried the
/// machine's drift between phases (page cache, autovacuum, a neighbour's load): the same code's
/// stream reads came out 1.38 x Marten at 200,000 cases and 0.79 x at 1,000,000, with Marten's
/// own rate higher on the larger database (ANALYSIS.md). In this order a drift that grows steadily
/// through the phase falls equally on both sides.
/// </summary>
internal static class PeerRounds
{
    /// <summary>Two rounds a side, of half the phase each: each side still gets the phase's whole length.</summary>
    public static TimeSpan Round(int phaseSeconds) => TimeSpan.FromSeconds(Math.Max(1, phaseSeconds / 2.0));

    /// <summary>Before each round, on either side, the same loop uncounted: 2 s, or the round if shorter.</summary>
    public static TimeSpan WarmUp(int phaseSeconds) => TimeSpan.FromSeconds(Math.Min(2, Round(phaseSeconds).TotalSeconds));

    public static async Task<((LoadResult Docket, LoadResult Marten) Appends, (LoadResult Docket, LoadResult Marten) Reads)> RunAsync(
        InProcessLoad docket, MartenPeer marten, TimeSpan round)
    {
        var appends = await AlternateAsync(docket.AppendAsync, () => marten.AppendsAsync(round));
        var reads = await AlternateAsync(docket.ReadAsync, () => marten.ReadsAsync(round));
        return (appends, reads);
    }

    private static async Task<(LoadResult Docket, LoadResult Marten)> AlternateAsync(Func<Task<LoadResult>> docket, Func<Task<LoadResult>> marten)
    {
        var first = await docket();
        var second = await marten();
        var third = await marten();
        var fourth = await docket();
        return (LoadResult.Combine([first, fourth]), LoadResult.Combine([second, third]));
    }
}
