namespace Docket.Bench;

/// <summary>
/// Docket's appends and reads, in-process and through HTTP, and Marten's, in alternating rounds:
/// in-process, HTTP, Marten, Marten, HTTP, in-process. Measured one phase after the other, the
/// sides' figures carried the machine's drift between phases (page cache, autovacuum, a
/// neighbour's load on a shared host): the same code's stream reads came out 1.38 x Marten at
/// 200,000 cases and 0.79 x at 1,000,000, with Marten's own rate higher on the larger database
/// (ANALYSIS.md). In this order a drift that grows steadily through the phase falls equally on
/// every side. Each round runs after an uncounted warm-up of the same loop, and each of Docket's
/// append rounds on cases of its own: on the same cases, the later round read and folded histories
/// some forty events longer and ran 44 % slower, where Marten's appends read nothing (200,000
/// cases, 2026-12-07).
/// </summary>
internal static class PeerRounds
{
    /// <summary>The first set of cases the rounds append to, one set a round (ApiLoad's own rounds take sets 0 to 10).</summary>
    private const int FirstSet = 11;

    /// <summary>Two rounds a side, of half the phase each: each side still gets the phase's whole length.</summary>
    public static TimeSpan Round(int phaseSeconds) => TimeSpan.FromSeconds(Math.Max(1, phaseSeconds / 2.0));

    /// <summary>Before each round, on every side, the same loop uncounted: 2 s, or the round if shorter.</summary>
    public static TimeSpan WarmUp(int phaseSeconds) => TimeSpan.FromSeconds(Math.Min(2, Round(phaseSeconds).TotalSeconds));

    public static async Task<(Sides Appends, Sides Reads)> RunAsync(InProcessLoad inProcess, ApiLoad http, MartenPeer marten, TimeSpan round, TimeSpan warmUp)
    {
        var set = FirstSet;
        var appends = await AlternateAsync(() => inProcess.AppendAsync(set++), () => http.AppendRoundAsync(set++, warmUp), () => marten.AppendsAsync(round));
        var reads = await AlternateAsync(inProcess.ReadAsync, () => http.ReadAsync(warmUp), () => marten.ReadsAsync(round));
        return (appends, reads);
    }

    private static async Task<Sides> AlternateAsync(Func<Task<LoadResult>> inProcess, Func<Task<LoadResult>> http, Func<Task<LoadResult>> marten)
    {
        var (first, second, third) = (await inProcess(), await http(), await marten());
        var (fourth, fifth, sixth) = (await marten(), await http(), await inProcess());
        return new(LoadResult.Combine([first, sixth]), LoadResult.Combine([second, fifth]), LoadResult.Combine([third, fourth]));
    }

    /// <summary>One figure's rounds, combined for each side.</summary>
    internal sealed record Sides(LoadResult InProcess, LoadResult Http, LoadResult Marten);
}
