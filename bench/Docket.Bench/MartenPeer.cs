using System.Text.Json;
using Docket.Testing;

namespace Docket.Bench;

/// <summary>Marten's figures from one run of bench/Docket.Bench.Marten (its own process: Marten is built on Npgsql 9).</summary>
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
/// file, the same number of clients and the same duration as Docket's API load.
/// </summary>
internal static class MartenPeer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<MartenFigures> RunAsync(string connectionString, string workload, int clients, int seconds)
    {
        var peer = Path.Combine(RepositoryRoot.Path, "bench", "Docket.Bench.Marten", "bin", "Release", "net10.0", "Docket.Bench.Marten.dll");
        if (!File.Exists(peer))
        {
            throw new InvalidOperationException($"{peer} is missing: bench/run builds it");
        }

        var run = await ChildProcess.RunAsync("dotnet", [peer, "--postgres", connectionString, "--workload", workload, "--clients", $"{clients}", "--seconds", $"{seconds}"]);
        var last = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (run.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"the Marten peer failed (exit {run.ExitCode}): {run.Output}");
        }

        // The peer's own phase lines (with their monotonic spans), into the bench's log.
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("marten ", StringComparison.Ordinal)))
        {
            Console.WriteLine($"  {line}");
        }

        return JsonSerializer.Deserialize<MartenFigures>(last, Json)!;
    }
}
