
namespace Docket.Bench;

/// <summary>Start-up figures: the empty-program floor, `docket verify` and `docket export` of a 1,000-event database, and `docket serve` to healthy.</summary>
internal sealed record StartUpFigures(TimeSpan Floor, TimeSpan Verify, TimeSpan Export, TimeSpan ServeHealthy, long Events)
{
    public static async Task<StartUpFigures> MeasureAsync(string docket, string work)
    {
        var file = Path.Combine(work, "small.ndjson");
        var db = "sqlite:" + Path.Combine(work, "small.db");
        var key = Path.Combine(work, "small-key.pem");
        long events = 0;
        var cases = 0;
        // About 1,000 events: whole demo cases until the count is reached.
        while (events < 1_000)
        {
            cases += 20;
            (events, _) = await Workload.WriteAsync(file, cases, seed: 20261129);
        }

        await Required(docket, "import", file, "--db", db);
        await Required(docket, "checkpoint", "export", "--db", db, "--key", key);
        var floor = Path.Combine(Testing.RepositoryRoot.Path, "bench", "Docket.Bench.Floor", "bin", "Release", "net10.0", "Docket.Bench.Floor.dll");
        return new StartUpFigures(
            await StartUp.MedianAsync(floor),
            await StartUp.MedianAsync(docket, "verify", "--db", db, "--key", key),
            await StartUp.MedianAsync(docket, "export", "--db", db),
            await StartUp.ServeHealthyAsync(docket, db, key),
            events);
    }

    private static async Task Required(string docket, params string[] args)
    {
        var run = await ChildProcess.RunAsync("dotnet", [docket, .. args]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"docket {string.Join(' ', args)} failed: {run.Output}");
        }
    }
}
