using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Docket.Reliability.Tests.Reporting;
using Docket.Store.Audit;
using Docket.Store.Users;
using Xunit.Abstractions;

namespace Docket.Reliability.Tests.Load;

/// <summary>What a load run did; written to the results folder for RELIABILITY.md. Timings are reported, never asserted.</summary>
public sealed record LoadResult(
    string Database, int Clients, double Seconds, long Requests, long Reads, long Appends, long Errors,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, long EventsInLog, bool Intact, IReadOnlyList<string> FirstErrors);

/// <summary>
/// 32 clients at once for DOCKET_LOAD_SECONDS against the real server: each appends to a case of
/// its own (If-Match its last version) and reads its own and the others' cases (the case, its
/// deadlines, a search), three reads to an append. Every request must succeed, every
/// acknowledged event must be in the log afterwards, and the log must verify.
/// </summary>
public abstract class LoadTests(DatabaseKind kind, ITestOutputHelper output)
{
    private const int Clients = 32;

    [Fact]
    public async Task Thirty_two_clients_reading_and_appending_get_no_error_and_every_acknowledged_event_is_kept()
    {
        await using var server = await new TestServerBuilder { Kind = kind }.StartAsync();
        var token = await server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var cases = Enumerable.Range(0, Clients).Select(i => (400_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var aNumber in cases)
        {
            using var opened = await http.PostAsync("/api/cases", Json(new { aNumber, familyName = "Thistlewood", givenNames = "Maren", dateOfBirth = "1988-04-09", citizenship = "GTM", office = "NYC" }));
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentDictionary<string, int>();
        long reads = 0, appends = 0;
        var duration = TimeSpan.FromSeconds(ReliabilitySettings.LoadSeconds);
        var watch = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            var own = cases[client];
            var version = 1;
            var random = new Random(client);
            while (watch.Elapsed < duration)
            {
                var append = random.Next(4) == 0;
                var other = cases[random.Next(cases.Length)];
                using var request = append
                    ? new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{own}/events") { Content = Json(new { type = "MailingAddressChanged", on = "2025-06-02", address = $"{version} Load Street, Queens NY" }) }
                    : new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch { 0 => $"/api/cases/{other}", 1 => $"/api/cases/{other}/deadlines", _ => $"/api/cases?aNumber={other}" });
                if (append)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Enqueue($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
                        continue;
                    }

                    if (append)
                    {
                        using var json = JsonDocument.Parse(body);
                        version = json.RootElement.GetProperty("version").GetInt32();
                        acknowledged[own] = version;
                        Interlocked.Increment(ref appends);
                    }
                    else
                    {
                        Interlocked.Increment(ref reads);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors.Enqueue($"{request.Method} {request.RequestUri}: {ex.GetType().Name} {ex.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))));
        var seconds = watch.Elapsed.TotalSeconds;

        var lost = new List<string>();
        foreach (var (aNumber, version) in acknowledged)
        {
            var stored = await server.Database.ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM events WHERE a_number = '{aNumber}'");
            if (stored < version)
            {
                lost.Add($"case {aNumber}: version {version} acknowledged, {stored} stored");
            }
        }

        var report = await new AuditVerifier(server.Database.Database).VerifyAsync(trustedKey: null);
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
        var result = new LoadResult(
            kind.ToString(), Clients, Math.Round(seconds, 1), reads + appends + errors.Count, reads, appends, errors.Count + lost.Count,
            Percentile(0.50), Percentile(0.95), Percentile(0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1), report.EventsChecked, report.Intact, [.. errors.Take(10), .. lost.Take(10)]);
        var file = ResultFile.Write($"load-{kind.ToString().ToLowerInvariant()}", result);
        output.WriteLine($"{kind}: {result.Requests} requests ({reads} reads, {appends} appends) in {result.Seconds} s by {Clients} clients; p50 {result.P50Ms} ms, p99 {result.P99Ms} ms; {result.Errors} errors; {file}");

        Assert.True(errors.IsEmpty, $"{errors.Count} errors under load:\n" + string.Join("\n", errors.Take(10)));
        Assert.True(lost.Count == 0, "acknowledged events missing:\n" + string.Join("\n", lost));
        Assert.True(appends > 0 && reads > 0, $"the load did nothing: {reads} reads, {appends} appends");
        Assert.True(report.Intact, "the log does not verify after the load: " + string.Join("; ", report.Findings));
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed class SqliteLoadTests(ITestOutputHelper output) : LoadTests(DatabaseKind.Sqlite, output);

public sealed class PostgresLoadTests(ITestOutputHelper output) : LoadTests(DatabaseKind.Postgres, output);
