using System.Globalization;
using System.Text.Json;
using Docket.Bench.Marten;
using Marten;

// dotnet Docket.Bench.Marten.dll --postgres CONNECTION --workload FILE [--clients 32] [--seconds 20]
// Loads the workload into Marten, then measures appends and stream reads; prints the figures as
// one JSON line last (Docket.Bench reads it). Leaves the schema marten_peer behind in that
// database, which is a throwaway one.
var connection = Arg("--postgres") ?? throw new ArgumentException("--postgres CONNECTION is required");
var workload = Arg("--workload") ?? throw new ArgumentException("--workload FILE is required");
var clients = int.Parse(Arg("--clients") ?? "32", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture));

var load = await BulkLoad.RunAsync(connection, workload);
Console.Error.WriteLine($"marten bulk load: {load.Events / load.Seconds:F0} events/s ({load.Events} events, {load.Streams} streams, {load.Seconds:F1} s)");

var streams = StreamKeys(workload, clients * 20);
var appends = await Appends.RunAsync(connection, streams, clients, duration);
Console.Error.WriteLine($"marten appends: {appends.Rate:F0} events/s, p50 {appends.P50:F1} ms, p99 {appends.P99:F1} ms, {appends.Failed} failed");

var readKeys = StreamKeys(workload, 10_000);
var reads = await StreamReads.RunAsync(connection, readKeys, clients, duration);
Console.Error.WriteLine($"marten stream reads: {reads.Rate:F0} reads/s, p50 {reads.P50:F1} ms, p99 {reads.P99:F1} ms, {reads.Failed} failed");

Console.WriteLine(JsonSerializer.Serialize(new
{
    marten = typeof(DocumentStore).Assembly.GetName().Version?.ToString(),
    bulkEventsPerSecond = load.Events / load.Seconds,
    appendsPerSecond = appends.Rate,
    appendP50 = appends.P50,
    appendP99 = appends.P99,
    appendFailed = appends.Failed,
    readsPerSecond = reads.Rate,
    readP50 = reads.P50,
    readP99 = reads.P99,
    readFailed = reads.Failed,
}));
return 0;

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

// The first cases of the workload (its streams are written case by case, in order).
static List<string> StreamKeys(string file, int count)
{
    var keys = new List<string>(count);
    foreach (var line in File.ReadLines(file))
    {
        using var document = JsonDocument.Parse(line);
        var key = document.RootElement.GetProperty("aNumber").GetString()!;
        if (keys.Count == 0 || keys[^1] != key)
        {
            if (keys.Count == count)
            {
                break;
            }

            keys.Add(key);
        }
    }

    return keys;
}
