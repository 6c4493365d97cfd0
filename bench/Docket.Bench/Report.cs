using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Docket.Bench;

/// <summary>The figures of one run, written as BENCHMARKS.md with the machine and the command.</summary>
internal sealed class Report(int cases, int loadSeconds, bool quick)
{
    private readonly List<BackendRun> runs = [];
    private long events;
    private long bytes;
    private MartenFigures? marten;
    private StartUpFigures? startUp;

    public void Workload(long eventCount, long fileBytes) => (events, bytes) = (eventCount, fileBytes);

    public void Peer(MartenFigures figures) => marten = figures;

    public void StartUp(StartUpFigures figures) => startUp = figures;

    public BackendRun Backend(string name)
    {
        var run = new BackendRun(name);
        runs.Add(run);
        return run;
    }

    public string ToMarkdown(string arguments)
    {
        var s = new StringBuilder();
        s.AppendLine("# Benchmarks").AppendLine();
        s.AppendLine("Every figure is measured in one run, as a ratio against a baseline taken in the same run on the same");
        s.AppendLine("machine: these machines are shared and noisy, so absolute numbers move from run to run while the");
        s.AppendLine("ratios are what can be compared.").AppendLine();
        s.AppendLine("Produced by:").AppendLine().AppendLine("```sh").AppendLine($"bench/run{(arguments.Length > 0 ? " " + arguments : "")}").AppendLine("```").AppendLine();
        s.AppendLine("## Machine").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine(CultureInfo.InvariantCulture, $"- code: {Environment.GetEnvironmentVariable("DOCKET_BENCH_COMMIT") ?? "not recorded (run through bench/run)"}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores");
        s.AppendLine(CultureInfo.InvariantCulture, $"- memory: {MemoryGiB():F0} GiB");
        s.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version}; {RuntimeInformation.ProcessArchitecture}");
        s.AppendLine("- SQLite: the file on local disk, WAL; PostgreSQL 15: a throwaway server on 127.0.0.1 (fsync off, as bench/run starts it)");
        s.AppendLine();
        s.AppendLine("## Workload").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{cases:N0} synthetic cases (invented people, the demo lifecycles), {events:N0} events, {bytes / 1048576.0:N0} MiB of plain NDJSON event lines;");
        s.AppendLine(CultureInfo.InvariantCulture, $"API load: 32 concurrent clients on loopback for {loadSeconds} s each (appends, then reads); the staff pages 8 browsers, the statistics 32 clients.{(quick ? " **Quick run: a smoke test, not a measurement.**" : "")}");
        s.AppendLine();
        s.AppendLine("## Results").AppendLine();
        s.AppendLine("| figure | target | " + string.Join(" | ", runs.Select(r => r.Name)) + " |");
        s.AppendLine("| --- | --- | " + string.Join(" | ", runs.Select(_ => "---")) + " |");
        foreach (var (label, target, pick) in BackendRun.Rows)
        {
            s.AppendLine($"| {label} | {target} | " + string.Join(" | ", runs.Select(pick)) + " |");
        }

        PagesTable.Write(s, runs, loadSeconds);
        StatisticsTable.Write(s, runs);

        if (marten is not null && runs.FirstOrDefault(r => r.Name == "PostgreSQL") is { } postgres)
        {
            PeerTable(s, marten, postgres);
        }

        if (startUp is not null)
        {
            StartUpTable(s, startUp);
        }

        // The hand-kept analysis of where the time goes travels with every report.
        var analysis = Path.Combine(AppContext.BaseDirectory, "ANALYSIS.md");
        if (File.Exists(analysis))
        {
            s.AppendLine().Append(File.ReadAllText(analysis));
        }

        return s.ToString();
    }

    private static void PeerTable(StringBuilder s, MartenFigures m, BackendRun docket)
    {
        s.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Against a peer: Marten {m.Marten} on the same PostgreSQL").AppendLine();
        s.AppendLine("The same workload file, the same throwaway PostgreSQL server (a database of its own), the same 32 clients");
        s.AppendLine("and duration, in the same run. Marten runs in-process against the database (no HTTP), with quick append");
        s.AppendLine("for loading; Docket's figures go through its whole path: HTTP and the token check, the strict parser,");
        s.AppendLine("the safeguards, the hash chain and Merkle leaf, the case summary and statistics projections, and for a read");
        s.AppendLine("the access-log entry written before the answer. Marten's stream read folds a three-field aggregate;");
        s.AppendLine("Docket's folds the whole case (stage, deadlines, removal-check inputs). The in-process rows call the services the");
        s.AppendLine("endpoints call (the same server's singletons) from the bench's process, as Marten is called: everything above but");
        s.AppendLine("the HTTP request, its token check and the JSON answer. Docket's (a) and (c), both ways, and Marten's are measured");
        s.AppendLine("in alternating rounds of half the phase each (in-process, HTTP, Marten, Marten, HTTP, in-process), so that the");
        s.AppendLine("machine's drift falls on every side, each round after the same loop run uncounted for a warm-up (Marten's in");
        s.AppendLine("its own process, Docket's on its own server); the API section's figures are the phases before.").AppendLine();
        s.AppendLine("| figure | target | Docket | Marten | **Docket / Marten** |");
        s.AppendLine("| --- | --- | --- | --- | --- |");
        var (httpAppends, httpAppendP99, httpReads, httpReadP99) = docket.PeerHttp is var (a, r)
            ? (a.Rate, a.P99, r.Rate, r.P99)
            : (docket.AppendRate, docket.AppendP99, docket.ReadRate, docket.ReadP99);
        s.AppendLine(CultureInfo.InvariantCulture, $"| (a) single-event appends with an expected version, events/s (32 writers, distinct streams) | >= 1.0 x | {F(httpAppends)} (p99 {httpAppendP99:F1} ms) | {F(m.AppendsPerSecond)} (p99 {m.AppendP99:F1} ms) | **{X(httpAppends / m.AppendsPerSecond)}** |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| (b) bulk load of the workload, events/s (`docket import` vs batched `StartStream`, quick append) | >= 1.0 x | {F(docket.ImportRate)} | {F(m.BulkEventsPerSecond)} | **{X(docket.ImportRate / m.BulkEventsPerSecond)}** |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| (c) read one stream and aggregate it, reads/s (32 readers, random cases) | >= 1.0 x | {F(httpReads)} (p99 {httpReadP99:F1} ms) | {F(m.ReadsPerSecond)} (p99 {m.ReadP99:F1} ms) | **{X(httpReads / m.ReadsPerSecond)}** |");
        if (docket.InProcess is var (appends, reads))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| (a) the same appends in-process, as Marten's are (Docket's `CaseLog`, no HTTP) | >= 1.0 x | {F(appends.Rate)} (p99 {appends.P99:F1} ms) | {F(m.AppendsPerSecond)} (p99 {m.AppendP99:F1} ms) | **{X(appends.Rate / m.AppendsPerSecond)}** |");
            s.AppendLine(CultureInfo.InvariantCulture, $"| (c) the same reads in-process (read, fold, access-log entry; no HTTP) | >= 1.0 x | {F(reads.Rate)} (p99 {reads.P99:F1} ms) | {F(m.ReadsPerSecond)} (p99 {m.ReadP99:F1} ms) | **{X(reads.Rate / m.ReadsPerSecond)}** |");
        }
        if (m.AppendFailed + m.ReadFailed > 0)
        {
            s.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Marten refused or failed {m.AppendFailed} appends and {m.ReadFailed} reads.");
        }
    }

    private static void StartUpTable(StringBuilder s, StartUpFigures f)
    {
        s.AppendLine().AppendLine("## Start-up").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Whole processes, the median of 7 runs each, on a SQLite database of {f.Events:N0} events; the floor is `dotnet` starting a program that does nothing (bench/Docket.Bench.Floor).").AppendLine();
        s.AppendLine("| figure | target | time | **/ floor** |");
        s.AppendLine("| --- | --- | --- | --- |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| `dotnet` empty program (floor) |  | {f.Floor.TotalMilliseconds:F0} ms | 1.0 x |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| `docket verify` |  <= 2 x floor | {f.Verify.TotalMilliseconds:F0} ms | **{X(f.Verify / f.Floor)}** |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| `docket export` |  | {f.Export.TotalMilliseconds:F0} ms | **{X(f.Export / f.Floor)}** |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| `docket serve` to its first healthy answer | < 2 s | {f.ServeHealthy.TotalMilliseconds:F0} ms | {X(f.ServeHealthy / f.Floor)} |");
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string X(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + " x";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
}

internal sealed class BackendRun(string name)
{
    public string Name { get; } = name;

    private double importRate, rawRate, verifyRate, rawShaRate, appendRate, appendP50, appendP99, readRate, readP50, readP99, healthRate, healthP99;
    private long peak, appendFailed, readFailed;
    private long[] profile = [];
    private static readonly double[] ProfilePoints = [0.25, 0.5, 0.75, 1.0];
    private bool intact;

    public double ImportRate => importRate;

    public double AppendRate => appendRate;

    public double AppendP99 => appendP99;

    public double ReadRate => readRate;

    public double ReadP99 => readP99;

    public static readonly (string Label, string Target, Func<BackendRun, string> Pick)[] Rows =
    [
        ("import, events/s", "", r => F(r.importRate)),
        ("raw batched INSERT into a bare table, rows/s (baseline: the faster of two forms)", "", r => F(r.rawRate)),
        ("**import / raw INSERT**", ">= 40 %", r => P(r.importRate / r.rawRate)),
        ("import peak memory (RSS)", "< 500 MiB", r => $"{r.peak / 1048576.0:F0} MiB"),
        ("import memory (RSS) at 25 / 50 / 75 / 100 % of the run", "flat", r => string.Join(" / ", r.profile.Select(b => $"{b / 1048576.0:F0}")) + " MiB"),
        ("verify, MB/s hashed", "", r => F(r.verifyRate / 1e6, "F1")),
        ("raw SHA-256 over the same messages, MB/s (baseline)", "", r => F(r.rawShaRate / 1e6, "F1")),
        ("**verify / raw SHA-256**", ">= 50 %", r => P(r.verifyRate / r.rawShaRate) + (r.intact ? "" : " (NOT INTACT)")),
        ("GET /healthz, requests/s (32 clients; baseline: HTTP + one trivial query)", "", r => F(r.healthRate) + $" (p99 {r.healthP99:F1} ms)"),
        ("API appends, events/s (32 clients, one event a request)", ">= 20,000", r => F(r.appendRate) + (r.appendFailed > 0 ? $" ({r.appendFailed} refused)" : "")),
        ("**appends / healthz baseline**", "", r => P(r.appendRate / r.healthRate)),
        ("API append latency p50 / p99", "p99 <= 30 ms", r => $"{r.appendP50:F1} / {r.appendP99:F1} ms"),
        ("case reads/s (32 clients)", "", r => F(r.readRate) + (r.readFailed > 0 ? $" ({r.readFailed} failed)" : "")),
        ("**reads / healthz baseline**", "", r => P(r.readRate / r.healthRate)),
        ("case read latency p50 / p99", "p99 <= 20 ms", r => $"{r.readP50:F1} / {r.readP99:F1} ms"),
    ];

    public void Import(long events, ChildRun import, long rawRows, TimeSpan rawElapsed)
    {
        importRate = events / import.Elapsed.TotalSeconds;
        rawRate = rawRows / rawElapsed.TotalSeconds;
        peak = import.PeakBytes;
        profile = [.. ProfilePoints.Select(import.ResidentAt)];
    }

    public void Verify(long bytes, TimeSpan elapsed, double rawBytesPerSecond, bool isIntact)
    {
        verifyRate = bytes / elapsed.TotalSeconds;
        rawShaRate = rawBytesPerSecond;
        intact = isIntact;
    }

    public void Health(LoadResult r)
    {
        healthRate = r.Done / r.Elapsed.TotalSeconds;
        healthP99 = r.Latencies.Percentile(99);
    }

    public LoadResult? AppendResult { get; private set; }

    public void Appends(LoadResult r)
    {
        AppendResult = r;
        appendRate = r.Done / r.Elapsed.TotalSeconds;
        appendP50 = r.Latencies.Percentile(50);
        appendP99 = r.Latencies.Percentile(99);
        appendFailed = r.Failed;
    }

    public void Reads(LoadResult r)
    {
        readRate = r.Done / r.Elapsed.TotalSeconds;
        readP50 = r.Latencies.Percentile(50);
        readP99 = r.Latencies.Percentile(99);
        readFailed = r.Failed;
    }

    public LoadResult? AppendsWithoutStatistics { get; set; }

    /// <summary>The peer's figures (a) and (c) on Docket's services called in-process, as Marten's are (PostgreSQL, with the peer only).</summary>
    public (LoadResult Appends, LoadResult Reads)? InProcess { get; set; }

    /// <summary>The same through HTTP, in the peer's alternating rounds (PeerRounds); the peer table's HTTP rows when present.</summary>
    public (LoadResult Appends, LoadResult Reads)? PeerHttp { get; set; }

    public PageFigures? Pages { get; set; }

    public StatisticsFigures? Statistics { get; set; }

    /// <summary>`docket stats release` right after the import: the projection's catch-up of the whole log, and the release.</summary>
    public (long Events, ChildRun Run)? Release { get; set; }

    public string Summary() => string.Join("; ", Rows.Select(row => $"{row.Label.Replace("**", "", StringComparison.Ordinal)}: {row.Pick(this)}"));

    private static string F(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double ratio) => (ratio * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
}
