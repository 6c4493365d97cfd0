using System.Globalization;
using System.Text.Json;
using Docket.Testing;

namespace Docket.Bench;

/// <summary>Marten's figures from its bulk load and its rounds of bench/Docket.Bench.Marten (its own process: Marten is built on Npgsql 9).</summary>
internal sealed record MartenFigures(
    string Marten,
    double BulkEventsPerSecond,
    double AppendsPerSecond,
    double AppendP50,
    double AppendP99,
    long AppendFailed,
    double ReadsPerSecond,
    double ReadP50,
    double ReadP99,
    long ReadFailed);

/// <summary>
/// Runs the peer on the same PostgreSQL server (a database of its own) with the same workload
/// file, the same number of clients and the same length of round as Docket's load: one process a
/// phase (bench/Docket.Bench.Marten), so that Program.cs can alternate Marten's rounds with
/// Docket's and neither side's figure carries the machine's drift between phases.
/// </summary>
internal sealed class MartenPeer(string connectionString, string workload, int clients, TimeSpan warmUp)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The Marten version the peer ran, once it has run.</summary>
    public string Version { get; private set; } = "?";

    /// <summary>(b) Loads the workload (quick append, batched <c>StartStream</c>): events a second.</summary>
    public async Task<double> LoadAsync() => (await RunAsync("load", TimeSpan.Zero)).GetProperty("eventsPerSecond").GetDouble();

    /// <summary>(a) One round of single-event appends with an expected version.</summary>
    public async Task<LoadResult> AppendsAsync(TimeSpan round) => Loop(await RunAsync("appends", round));

    /// <summary>(c) One round of reading one stream and folding it.</summary>
    public async Task<LoadResult> ReadsAsync(TimeSpan round) => Loop(await RunAsync("reads", round));

    public MartenFigures Figures(double bulk, LoadResult appends, LoadResult reads) =>
        new(Version, bulk, appends.Rate, appends.P50, appends.P99, appends.Failed, reads.Rate, reads.P50, reads.P99, reads.Failed);

    private static LoadResult Loop(JsonElement figures)
    {
        var latencies = new Latencies();
        foreach (var millis in figures.GetProperty("millis").EnumerateArray())
        {
            latencies.Add(TimeSpan.FromMilliseconds(millis.GetDouble()));
        }

        return new LoadResult(figures.GetProperty("done").GetInt64(), TimeSpan.FromSeconds(figures.GetProperty("seconds").GetDouble()), latencies, figures.GetProperty("failed").GetInt64());
    }

    private async Task<JsonElement> RunAsync(string phase, TimeSpan round)
    {
        var peer = Path.Combine(RepositoryRoot.Path, "bench", "Docket.Bench.Marten", "bin", "Release", "net10.0", "Docket.Bench.Marten.dll");
        if (!File.Exists(peer))
        {
            throw new InvalidOperationException($"{peer} is missing: bench/run builds it");
        }

        var run = await ChildProcess.RunAsync("dotnet", [
            peer, "--postgres", connectionString, "--workload", workload, "--phase", phase,
            "--clients", $"{clients}", "--seconds", round.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--warm-up", warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture)]);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = lines.LastOrDefault(l => l.StartsWith('{'));
        if (run.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"the Marten peer's {phase} failed (exit {run.ExitCode}): {string.Join('\n', lines.Where(l => !l.StartsWith('{')))}");
        }

        // The peer's own phase lines (with their monotonic spans), into the bench's log.
        foreach (var line in lines.Where(l => l.StartsWith("marten ", StringComparison.Ordinal)))
        {
            Console.WriteLine($"  {line}");
        }

        var figures = JsonSerializer.Deserialize<JsonElement>(last, Json);
        Version = figures.GetProperty("marten").GetString() ?? "?";
        return figures;
    }
}
