using System.Globalization;
using System.Text.Json;
using Docket.Bench.Marten;
using Marten;

// dotnet Docket.Bench.Marten.dll --postgres CONNECTION --workload FILE --phase load|appends|reads [--clients 32] [--seconds 20] [--warm-up 2]
// One phase a process, so that Docket.Bench can alternate Marten's rounds with Docket's: "load"
// loads the workload into Marten (removing whatever the schema held); "appends" and "reads"
// measure on what was loaded, after running the same loop uncounted for --warm-up seconds (a
// fresh process's JIT and pool are not what the steady rate is about; Docket's rounds warm up alike). Prints the figures as one JSON line last (Docket.Bench reads it),
// with every latency, so that rounds combine exactly. Leaves the schema marten_peer behind in that
// database, which is a throwaway one.
var connection = Arg("--postgres") ?? throw new ArgumentException("--postgres CONNECTION is required");
var workload = Arg("--workload") ?? throw new ArgumentException("--workload FILE is required");
var phase = Arg("--phase") ?? throw new ArgumentException("--phase load|appends|reads is required");
var clients = int.Parse(Arg("--clients") ?? "32", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(double.Parse(Arg("--warm-up") ?? "2", CultureInfo.InvariantCulture));
var marten = typeof(DocumentStore).Assembly.GetName().Version?.ToString();

// Each phase's line ends with its start and end on CLOCK_MONOTONIC, as Docket.Bench's phases do,
// so that one `perf record -k CLOCK_MONOTONIC` of the whole run can be cut to a phase of either.
var from = Now();
switch (phase)
{
    case "load":
        var load = await BulkLoad.RunAsync(connection, workload);
        Console.Error.WriteLine($"marten bulk load: {load.Events / load.Seconds:F0} events/s ({load.Events} events, {load.Streams} streams, {load.Seconds:F1} s){Span(from)}");
        Console.WriteLine(JsonSerializer.Serialize(new { marten, eventsPerSecond = load.Events / load.Seconds }));
        return 0;
    case "appends":
        var streams = StreamKeys(workload, clients * 20);
        return await MeasuredAsync("appends", "events/s", time => Appends.RunAsync(connection, streams, clients, time));
    case "reads":
        var keys = StreamKeys(workload, 10_000);
        return await MeasuredAsync("stream reads", "reads/s", time => StreamReads.RunAsync(connection, keys, clients, time));
    default:
        throw new ArgumentException($"--phase {phase}: expected load, appends or reads");
}

// The loop run uncounted for the warm-up, then measured; its line, and its figures as JSON.
async Task<int> MeasuredAsync(string name, string unit, Func<TimeSpan, Task<LoopResult>> loop)
{
    await loop(warmUp);
    var start = Now();
    var result = await loop(duration);
    Console.Error.WriteLine($"marten {name}: {result.Rate:F0} {unit}, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {result.Failed} failed{Span(start)}");
    Console.WriteLine(JsonSerializer.Serialize(new { marten, done = result.Done, failed = result.Failed, seconds = result.Seconds, millis = result.Millis }));
    return 0;
}

// Stopwatch's timestamps are CLOCK_MONOTONIC in nanoseconds on Linux.
static double Now() => System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;

static string Span(double from) => string.Create(CultureInfo.InvariantCulture, $" (monotonic {from:F3} to {Now():F3} s)");

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
