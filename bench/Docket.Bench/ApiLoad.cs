using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Docket.Store;
using Docket.Store.Users;
using Docket.Testing;
using Docket.Web.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Bench;

/// <summary>
/// Load through the real HTTP server on loopback: 32 clients, each waiting for its answer
/// before sending again. Appends are single events (MailingAddressChanged) on cases each
/// client owns, with If-Match; reads are GET /api/cases/{aNumber} of random cases.
/// </summary>
internal sealed class ApiLoad(DatabaseTarget target, string keyPath, int clients, TimeSpan duration)
{
    private const string Office = "NYC";

    public async Task<(long Done, TimeSpan Elapsed, Latencies Latencies, long Failed)> AppendAsync()
    {
        var (server, http, token) = await StartAsync();
        await using var _ = server;
        var cases = await OfficeCasesAsync(clients * 20);
        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using (var context = new DocketDatabase(target).CreateContext())
        {
            foreach (var row in await context.Cases.Where(c => cases.Contains(c.ANumber)).Select(c => new { c.ANumber, c.Version }).ToListAsync())
            {
                versions[row.ANumber] = row.Version;
            }
        }

        return await RunAsync(http, token, async (client, i, send) =>
        {
            // Each client appends to its own cases, so If-Match never races another client.
            var owned = (cases.Count + clients - 1 - client) / clients;
            var aNumber = owned > 0 ? cases[client + (clients * (i % owned))] : cases[client % cases.Count];
            var body = $"{{\"type\":\"MailingAddressChanged\",\"on\":\"2026-11-2{i % 9}\",\"address\":\"{i} Invented Lane, Springfield\"}}";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{aNumber}/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{versions[aNumber]}\"");
            using var response = await send(request);
            if (response.StatusCode == System.Net.HttpStatusCode.Created)
            {
                versions[aNumber]++;
                return true;
            }

            return false;
        });
    }

    /// <summary>
    /// The baseline for both: GET /healthz (one trivial query, no case) under the same 32 clients:
    /// what this machine's HTTP stack and database round trip give before Docket does any work.
    /// Sent without a token, so the baseline does not include (and move with) the sign-in check.
    /// </summary>
    public async Task<(long Done, TimeSpan Elapsed, Latencies Latencies, long Failed)> HealthAsync()
    {
        var (server, http, _) = await StartAsync();
        await using var _ = server;
        return await RunAsync(http, token: null, async (client, i, send) =>
        {
            using var response = await send(new HttpRequestMessage(HttpMethod.Get, "/healthz"));
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        });
    }

    public async Task<(long Done, TimeSpan Elapsed, Latencies Latencies, long Failed)> ReadAsync()
    {
        var (server, http, token) = await StartAsync();
        await using var _ = server;
        var cases = await OfficeCasesAsync(10_000);
        return await RunAsync(http, token, async (client, i, send) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{cases[Random.Shared.Next(cases.Count)]}");
            using var response = await send(request);
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        });
    }

    private async Task<(long, TimeSpan, Latencies, long)> RunAsync(HttpClient http, string? token, Func<int, int, Func<HttpRequestMessage, Task<HttpResponseMessage>>, Task<bool>> operation)
    {
        var latencies = new Latencies();
        long done = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; DateTime.UtcNow < end; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(client, i, request =>
                {
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    return http.SendAsync(request);
                });
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref ok ? ref done : ref failed);
            }
        })));
        watch.Stop();
        return (done, watch.Elapsed, latencies, failed);
    }

    private async Task<(TestServer Server, HttpClient Http, string Token)> StartAsync()
    {
        var server = await new TestServerBuilder
        {
            Database = target,
            Clock = SystemClock.Instance,
            Environment = "Benchmark",
            Checkpoints = new CheckpointSettings { KeyPath = keyPath },
        }.StartAsync();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = server.Address };
        var token = await server.AddUserAsync($"bench-officer-{Guid.NewGuid():N}", UserRoles.Officer, Office);
        return (server, http, token);
    }

    private async Task<List<string>> OfficeCasesAsync(int count)
    {
        await using var context = new DocketDatabase(target).CreateContext();
        return await context.Cases.Where(c => c.Office == Office).OrderBy(c => c.ANumber).Select(c => c.ANumber).Take(count).ToListAsync();
    }
}
