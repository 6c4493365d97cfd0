using System.Collections.Concurrent;
using System.Net;
using Docket.Web.Tests.Infrastructure;
using Npgsql;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stops under load (a server of the test's own, stopped and started again): every
/// request while it is down is a 503 with Retry-After saying the database is unavailable,
/// including the token check that runs before any endpoint and the anonymous sign-in; nothing
/// is a 500; and once it is back the same web server serves again, without a restart, with
/// every acknowledged append in the log.
/// </summary>
public sealed class PostgresOutageTests
{
    private static readonly HashSet<HttpStatusCode> Fitting = [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable];

    [Fact]
    public async Task Bug_requests_during_a_PostgreSQL_outage_were_500_and_are_503_with_Retry_After_and_recovery_needs_no_restart()
    {
        using var postgres = await ThrowawayPostgres.StartAsync();
        var keyFolder = Directory.CreateTempSubdirectory("docket-fault-pg-key-").FullName;
        try
        {
            await using var host = await FaultHost.StartAsync(postgres.Target, Path.Combine(keyFolder, "key.pem"));
            var digits = host.NewANumber();
            var opened = await host.AsOfficer.OpenAsync(digits);
            var unseenToken = await FaultHost.AddOfficerAsync(postgres.Target, "officer-unseen");

            // Load: clients that read and append to cases of their own throughout.
            var answers = new ConcurrentBag<(HttpStatusCode Code, string Body)>();
            var acknowledged = new ConcurrentDictionary<string, int>();
            using var stopLoad = new CancellationTokenSource();
            // Each client opens its case before the outage begins (on a loaded machine a fixed
            // delay was not always enough, and an opening refused with 503 failed the test).
            var ready = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
            var clients = ready.Select(r => Task.Run(() => LoadAsync(host, answers, acknowledged, r, stopLoad.Token))).ToList();
            await Task.WhenAll(ready.Select(r => r.Task));
            await Task.Delay(500);

            postgres.Stop();
            await Task.Delay(300);

            using (var read = await host.AsOfficer.GetRawAsync(digits))
            {
                var problem = await Unavailable.AssertAsync(read, "unreachable");
                Assert.Contains("The database cannot be reached", problem.Text("detail"), StringComparison.Ordinal);
            }

            using (var append = await host.AsOfficer.PostEventRawAsync(digits, Bodies.AddressChange("40 Birchwood Terrace"), $"\"{opened.Version}\""))
            {
                await Unavailable.AssertAsync(append, "unreachable");
            }

            // The first failure seen in the probe was the token check itself.
            using (var tokenCheck = await host.As(unseenToken).GetRawAsync(digits))
            {
                await Unavailable.AssertAsync(tokenCheck, "unreachable");
            }

            using (var signIn = await host.As(null).SendAsync(HttpMethod.Post, "/api/self-service/session", AccessBodies.SignIn(digits, opened.AccessCode, "1990-01-02")))
            {
                await Unavailable.AssertAsync(signIn, "unreachable");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.HealthAsync()).Code);
            await Task.Delay(700);

            postgres.Start();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await host.HealthAsync()).Code != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, "the server did not find PostgreSQL again within 30 s of its restart");
                await Task.Delay(200);
            }

            await Task.Delay(700);
            await stopLoad.CancelAsync();
            await Task.WhenAll(clients);

            // Back: every request works again, on the same server.
            Assert.Equal(opened.Version, (await host.AsOfficer.GetAsync(digits)).Version);
            Assert.Equal(opened.Version + 1, await host.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("40 Birchwood Terrace")));
            using (var tokenCheck = await host.As(unseenToken).GetRawAsync(digits))
            {
                await Json.ReadAsync(tokenCheck, HttpStatusCode.OK);
            }

            var wrong = answers.Where(a => !Fitting.Contains(a.Code)).Select(a => $"{(int)a.Code}: {a.Body}").ToList();
            Assert.True(wrong.Count == 0, $"{wrong.Count} answers under load were neither 200, 201, 409 nor 503:\n{string.Join("\n", wrong.Take(5))}");
            Assert.Contains(answers, a => a.Code == HttpStatusCode.ServiceUnavailable);
            Assert.Contains(answers, a => a.Code == HttpStatusCode.Created);
            foreach (var (aNumber, version) in acknowledged)
            {
                Assert.True((await host.AsOfficer.GetAsync(aNumber)).Version >= version, $"case {aNumber}: acknowledged version {version} is missing");
            }
        }
        finally
        {
            using (var pool = new NpgsqlConnection(postgres.Target.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pool);
            }

            Directory.Delete(keyFolder, recursive: true);
        }
    }

    private static async Task LoadAsync(FaultHost host, ConcurrentBag<(HttpStatusCode, string)> answers, ConcurrentDictionary<string, int> acknowledged, TaskCompletionSource ready, CancellationToken stop)
    {
        var api = host.AsOfficer;
        var digits = host.NewANumber();
        var version = (await api.OpenAsync(digits)).Version;
        ready.SetResult();
        while (!stop.IsCancellationRequested)
        {
            using (var append = await api.PostEventRawAsync(digits, Bodies.AddressChange($"{version} Sorrel Way"), $"\"{version}\""))
            {
                var body = await append.Content.ReadAsStringAsync(CancellationToken.None);
                answers.Add((append.StatusCode, body));
                if (append.StatusCode == HttpStatusCode.Created)
                {
                    version++;
                    acknowledged[digits] = version;
                }
                else if (append.StatusCode == HttpStatusCode.Conflict)
                {
                    // An append whose answer was lost in the outage may have committed: read the version again.
                    version = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("currentVersion").GetInt32();
                }
            }

            using var read = await api.GetRawAsync(digits);
            answers.Add((read.StatusCode, await read.Content.ReadAsStringAsync(CancellationToken.None)));
            if (read.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }
}
