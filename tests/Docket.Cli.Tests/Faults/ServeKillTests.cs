using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Docket.Cli.Tests.Import;
using Docket.Cli.Tests.Infrastructure;
using Docket.Store;
using Docket.Store.Users;
using NodaTime;

namespace Docket.Cli.Tests.Faults;

/// <summary>
/// The real <c>docket serve</c>, as a child process, is killed with SIGKILL under concurrent
/// appends, three times over, and started again each time on the same database: every append it
/// acknowledged (201) is in the log afterwards, each case's versions and the log's positions run
/// without a gap, and <c>docket verify</c> finds the log intact.
/// </summary>
public abstract class ServeKillTests(DatabaseKind kind, Xunit.Abstractions.ITestOutputHelper log) : IAsyncLifetime
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private const int Clients = 16;
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(1);

    private readonly string folder = Directory.CreateTempSubdirectory("docket-fault-kill-").FullName;
    private TestDatabase target = null!;

    private string KeyPath => Path.Combine(folder, "key.pem");

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateAsync(kind);
        await new DocketDatabase(target.Target).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await target.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Killing_serve_three_times_under_load_loses_no_acknowledged_event_and_leaves_the_log_gap_free_and_intact()
    {
        var token = (await new UserStore(new DocketDatabase(target.Target), SystemClock.Instance).AddAsync("officer-nyc", UserRoles.Officer, "NYC")).Token;
        var cases = Enumerable.Range(1, Clients).Select(i => (744_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var acknowledged = new ConcurrentDictionary<string, int>();

        for (var round = 1; round <= 3; round++)
        {
            log.WriteLine($"{clock.Elapsed}: round {round} starting");
            var (child, address) = await StartServeAsync();
            log.WriteLine($"{clock.Elapsed}: listening");
            // The test is about what survives a kill, not about speed: on a loaded CI machine a fresh
            // process has answered its first requests (JIT, pools, the first commit) after more than 20 s.
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(90) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                if (round == 1)
                {
                    await Task.WhenAll(cases.Select(a => OpenAsync(http, a)));
                }

                using var stop = new CancellationTokenSource();
                var before = acknowledged.Values.Sum();
                var load = cases.Select(a => Task.Run(() => AppendUntilKilledAsync(http, a, acknowledged, stop.Token))).ToList();

                // A fresh process answers its first requests slowly (JIT, pools): the load counts from its first acknowledgements.
                var warm = DateTime.UtcNow.AddSeconds(90);
                while (acknowledged.Values.Sum() < before + Clients && DateTime.UtcNow < warm && !load.All(t => t.IsCompleted))
                {
                    await Task.Delay(20);
                }

                log.WriteLine($"{clock.Elapsed}: warm");
                await Task.Delay(LoadFor);

                // SIGKILL while the clients are still sending: no chance to finish a batch or clean up.
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
                await stop.CancelAsync();
                log.WriteLine($"{clock.Elapsed}: killed");
                await Task.WhenAll(load);
                log.WriteLine($"{clock.Elapsed}: load ended");
                Assert.True(acknowledged.Values.Sum() > before, $"round {round}: no append was acknowledged before the kill");
            }
            finally
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                child.Dispose();
            }
        }

        foreach (var (aNumber, version) in acknowledged)
        {
            var stored = await target.ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM events WHERE a_number = '{aNumber}'");
            Assert.True(stored >= version, $"case {aNumber}: version {version} was acknowledged, the log holds {stored}");
        }

        // Read by scripts/reliability-report for RELIABILITY.md.
        log.WriteLine($"acknowledged events: {acknowledged.Values.Sum()} in {acknowledged.Count} cases, lost: 0");

        Assert.Equal(0, await target.ScalarAsync("SELECT COUNT(*) FROM (SELECT a_number FROM events GROUP BY a_number HAVING COUNT(*) <> MAX(version) OR MIN(version) <> 1) gaps"));
        var events = await target.ScalarAsync("SELECT COUNT(*) FROM events");
        Assert.Equal(events, await target.ScalarAsync("SELECT COALESCE(MAX(position), 0) FROM events"));
        Assert.Equal(events, await target.ScalarAsync("SELECT COUNT(DISTINCT position) FROM events"));

        log.WriteLine($"{clock.Elapsed}: checked");
        var verify = await Shell.RunAsync("verify", "--db", target.DbArgument, "--key", KeyPath);
        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
        Assert.StartsWith($"intact: {events} events in {Clients} cases", verify.StdoutLines[^1], StringComparison.Ordinal);
    }

    private async Task<(Process Child, Uri Address)> StartServeAsync()
    {
        var port = FreePort();
        var start = ChildDocket.Start(folder, "serve", "--db", target.DbArgument, "--urls", $"http://127.0.0.1:{port}", "--key", KeyPath);
        var child = Process.Start(start) ?? throw new InvalidOperationException("could not start docket serve");
        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        child.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.StartsWith("Docket is listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        child.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        var started = await Task.WhenAny(listening.Task, child.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"docket serve did not start listening within 60 s:\n{output}");
        }

        return (child, new Uri($"http://127.0.0.1:{port}"));
    }

    private static async Task OpenAsync(HttpClient http, string aNumber)
    {
        var body = JsonSerializer.Serialize(new { aNumber, familyName = "Vantongeren", givenNames = "Pell Ismay", dateOfBirth = "1988-03-14", citizenship = "GTM", office = "NYC" });
        using var response = await http.PostAsync(new Uri("/api/cases", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Appends to one case as fast as answers come, until the server is gone; records each 201.</summary>
    private static async Task AppendUntilKilledAsync(HttpClient http, string aNumber, ConcurrentDictionary<string, int> acknowledged, CancellationToken stop)
    {
        try
        {
            // After a kill, an append whose answer was lost may have committed: start from what the server says.
            int version;
            using (var read = await http.GetAsync(new Uri($"/api/cases/{aNumber}", UriKind.Relative), stop))
            {
                Assert.True(read.StatusCode == HttpStatusCode.OK, await read.Content.ReadAsStringAsync(stop));
                version = int.Parse(read.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!stop.IsCancellationRequested)
            {
                var body = JsonSerializer.Serialize(new { type = "MailingAddressChanged", on = "2025-06-02", address = $"{version} Hollin Street" });
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{aNumber}/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
                using var response = await http.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
                version = JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32();
                acknowledged.AddOrUpdate(aNumber, version, (_, known) => Math.Max(known, version));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server was killed: what it acknowledged before is what counts.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class ServeKillOnSqlite(Xunit.Abstractions.ITestOutputHelper log) : ServeKillTests(DatabaseKind.Sqlite, log);

public sealed class ServeKillOnPostgres(Xunit.Abstractions.ITestOutputHelper log) : ServeKillTests(DatabaseKind.Postgres, log);
