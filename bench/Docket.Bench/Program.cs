using System.Diagnostics;
using System.Globalization;
using Docket.Bench;
using Docket.Testing;

// The arguments are in BenchArguments.Usage. PostgreSQL comes from DOCKET_TEST_POSTGRES (bench/run
// starts a throwaway one).
// A flag the program does not know stops it before anything is measured: `bench/run --help` once
// ran the whole 1,000,000-case benchmark and overwrote BENCHMARKS.md.
if (BenchArguments.Problem(args) is { } problem)
{
    Console.Error.WriteLine($"{problem} (bench/run --help lists every option)");
    return 2;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchArguments.Usage);
    return 0;
}

var quick = args.Contains("--quick");
var cases = ArgValue("--cases") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : quick ? 2_000 : 1_000_000;
var output = ArgValue("--out") ?? (quick ? null : "BENCHMARKS.md");
var loadSeconds = ArgValue("--seconds") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : quick ? 3 : 20;
// Each statistics query is a phase of its own (ten of them, twice), so they are shorter.
var statisticsSeconds = quick ? 1 : Math.Max(2, loadSeconds / 4);
var skipPages = args.Contains("--no-pages");
var skipStatistics = args.Contains("--no-stats");
var skipMaintenance = args.Contains("--no-stats-maintenance");
var skipPeer = args.Contains("--no-peer");
var skipStartUp = args.Contains("--no-startup");
var only = ArgValue("--only");
var noSettle = args.Contains("--no-settle");
if (ArgValue("--workload-only") is { } workloadFile)
{
    var (written, size) = await Workload.WriteAsync(workloadFile, cases, seed: 20261129);
    Console.WriteLine($"workload: {cases} cases, {written} events, {size / 1048576.0:F0} MiB in {workloadFile}");
    return 0;
}

// Without a server this stops here, before the workload is written (bench/run starts one).
TestDatabase.PostgresServer();
var work = Directory.CreateTempSubdirectory("docket-bench-").FullName;
// The docket the user runs (bench/run passes ./docket's ReadyToRun build); the build output otherwise.
var docket = ArgValue("--docket") ?? Path.Combine(AppContext.BaseDirectory, "docket.dll");
var report = new Report(cases, loadSeconds, quick);

try
{
    var file = Path.Combine(work, "cases.ndjson");
    var generation = Stopwatch.StartNew();
    var (events, bytes) = await Workload.WriteAsync(file, cases, seed: 20261129);
    Console.WriteLine($"workload: {cases} cases, {events} events, {bytes / 1048576.0:F0} MiB in {generation.Elapsed.TotalSeconds:F0} s");
    report.Workload(events, bytes);

    foreach (var (name, kind) in new[] { ("SQLite", DatabaseKind.Sqlite), ("PostgreSQL", DatabaseKind.Postgres) })
    {
        if (only is not null && !name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
        {
            continue;
        }

        // Each database lives for its own phase only. At 1,000,000 cases PostgreSQL's reads ran at
        // half the rate in the phase after SQLite's (whose file stayed in the page cache) that
        // they reach alone (ANALYSIS.md, "PostgreSQL alone"); the peer's phase came after Docket's
        // PostgreSQL database the same way.
        await using var db = await TestDatabase.CreateAsync(kind);
        var target = db.Target;
        var database = db.Database;
        var run = report.Backend(name);

        var import = await ChildProcess.RunAsync("dotnet", [docket, "import", file, "--db", db.DbArgument]);
        if (import.ExitCode != 0)
        {
            throw new InvalidOperationException($"import into {name} failed: {import.Output}");
        }

        Console.WriteLine($"{name} import: {events / import.Elapsed.TotalSeconds:F0} events/s, peak {import.PeakBytes / 1048576.0:F0} MiB");
        var raw = await RawInsertBaseline.RunAsync(database, (int)Math.Min(events, 1_000_000));
        run.Import(events, import, raw.Rows, raw.Elapsed);

        // The projection catches up with the imported log here, once, so that no later phase's
        // server meets that catch-up in its background (and the statistics have a release).
        var release = await ChildProcess.RunAsync("dotnet", [docket, "stats", "release", "--db", db.DbArgument]);
        if (release.ExitCode != 0)
        {
            throw new InvalidOperationException($"docket stats release on {name} failed: {release.Output}");
        }

        run.Release = (events, release);
        Console.WriteLine($"{name} stats release: {release.Elapsed.TotalSeconds:F1} s: {release.Output.Trim()}");

        var key = Path.Combine(work, name + "-checkpoint-key.pem");
        var verify = await VerifyBaseline.RunAsync(database, key, (int)Math.Min(events, 1_000_000));
        run.Verify(verify.Bytes, verify.Verify, verify.RawBytesPerSecond, verify.Intact);
        var cli = await ChildProcess.RunAsync("dotnet", [docket, "verify", "--db", db.DbArgument, "--key", key]);
        Console.WriteLine($"{name} verify: {verify.Verify.TotalSeconds:F2} s in-process (best of 5); the `docket verify` process {cli.Elapsed.TotalSeconds:F2} s, exit {cli.ExitCode}");
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"docket verify on {name} failed: {cli.Output}");
        }

        if (!noSettle)
        {
            await Settle.RunAsync(database);
        }

        var load = new ApiLoad(target, key, clients: 32, TimeSpan.FromSeconds(loadSeconds));
        run.Health(await load.HealthAsync());
        if (skipMaintenance)
        {
            run.Appends(await load.AppendAsync());
        }
        else
        {
            var (with, without) = await load.AppendWithAndWithoutStatisticsAsync();
            run.Appends(with);
            run.AppendsWithoutStatistics = without;
        }

        run.Reads(await load.ReadAsync());
        if (!skipPeer && kind == DatabaseKind.Postgres)
        {
            // The peer, on the same PostgreSQL server in a database of its own, with the same workload.
            await using var peerDatabase = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
            var (round, warmUp) = (PeerRounds.Round(loadSeconds), PeerRounds.WarmUp(loadSeconds));
            var marten = new MartenPeer(peerDatabase.Target.ConnectionString, file, clients: 32, warmUp);
            var bulk = await marten.LoadAsync();
            var (appends, reads) = await PeerRounds.RunAsync(
                new InProcessLoad(target, key, clients: 32, round, warmUp), new ApiLoad(target, key, clients: 32, round), marten, round, warmUp);
            run.InProcess = (appends.InProcess, reads.InProcess);
            run.PeerHttp = (appends.Http, reads.Http);
            report.Peer(marten.Figures(bulk, appends.Marten, reads.Marten));
            Console.WriteLine($"Marten {marten.Version}: bulk load {bulk:F0} events/s; appends {appends.Marten.Rate:F0}/s p99 {appends.Marten.P99:F1} ms; stream reads {reads.Marten.Rate:F0}/s p99 {reads.Marten.P99:F1} ms");
        }

        Console.WriteLine(run.Summary());
        if (!skipPages)
        {
            run.Pages = await new PageLoad(target, key, clients: 8, TimeSpan.FromSeconds(loadSeconds)).RunAsync();
            Console.WriteLine($"{name} pages: JSON case {PagesTable.Figures(run.Pages.JsonCase)}; case page {PagesTable.Figures(run.Pages.CasePage)}; My work {PagesTable.Figures(run.Pages.Work)}; its lists {PagesTable.Figures(run.Pages.WorkLists)}");
        }

        if (!skipStatistics)
        {
            run.Statistics = await new StatisticsLoad(target, key, clients: 32, TimeSpan.FromSeconds(statisticsSeconds)).RunAsync();
            Console.WriteLine($"{name} statistics: healthz p99 {run.Statistics.Health.P99:F1} ms; " + string.Join("; ", run.Statistics.Queries.Select(q => $"{q.Path} p99 {q.Served.P99:F1}{(q.Uncached is { } u ? $" / uncached {u.P99:F1}" : "")} ms")));
        }
    }

    if (!skipStartUp)
    {
        report.StartUp(await StartUpFigures.MeasureAsync(docket, work));
    }

    var markdown = report.ToMarkdown(string.Join(' ', args.TakeWhile(a => a != "--docket")));
    Console.WriteLine(markdown);
    if (output is not null)
    {
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine($"wrote {output}");
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

string? ArgValue(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
