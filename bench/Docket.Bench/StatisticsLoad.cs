using System.Net;
using System.Text.Json;
using Docket.Store;
using Docket.Store.Users;
using Docket.Testing;

namespace Docket.Bench;

/// <summary>One statistics query's figures: as served (from the output cache), and the handler's own work.</summary>
internal sealed record StatisticsQuery(string Path, LoadResult Served, double ServedFromCache, LoadResult? Uncached);

/// <summary>The statistics answers after a release, against GET /healthz on the same server.</summary>
internal sealed record StatisticsFigures(LoadResult Health, IReadOnlyList<StatisticsQuery> Queries, int Clients, TimeSpan PhaseTime);

/// <summary>
/// The public statistics under load (issue 13): after the load and a release, each
/// GET /api/stats/departures?by=... and /api/stats/outcomes?by=..., and GET /statistics (the page,
/// which draws its charts on every request), with 32 clients of the public, against GET /healthz
/// on the same server in the same phase. The API's answers are kept 30 s in the output cache, so
/// each query is measured twice: as served (nearly all from the cache), and uncached: sent with a
/// bearer token, which ASP.NET Core's output cache never serves from or stores (an authenticated
/// request), so every answer is the handler's own work (the release's tables, and for departures
/// the live month's sum from the projection). An uncached answer carrying an Age header (one from
/// the cache) counts as a failure, so the measurement checks its own premise.
/// </summary>
internal sealed class StatisticsLoad(DatabaseTarget target, string keyPath, int clients, TimeSpan phase)
{
    public static readonly IReadOnlyList<string> ApiQueries =
    [
        "/api/stats/departures?by=country", "/api/stats/departures?by=month", "/api/stats/departures?by=kind", "/api/stats/departures?by=source",
        "/api/stats/outcomes?by=year", "/api/stats/outcomes?by=court", "/api/stats/outcomes?by=relief", "/api/stats/outcomes?by=representation", "/api/stats/outcomes?by=in-absentia",
    ];

    public const string Page = "/statistics";

    public async Task<StatisticsFigures> RunAsync()
    {
        await using var server = await ApiLoad.StartServerAsync(target, keyPath);
        var token = await server.AddUserAsync($"bench-stats-{Guid.NewGuid():N}", UserRoles.Officer, ApiLoad.Office);
        await RequireReleaseAsync(server);
        var publicClients = Enumerable.Range(0, clients).Select(_ => new PublicClient(server.Address)).ToArray();
        try
        {
            var health = await Loop(publicClients, "/healthz", null, _ => true);
            var queries = new List<StatisticsQuery>();
            foreach (var path in ApiQueries.Append(Page))
            {
                long fromCache = 0;
                var served = await Loop(publicClients, path, null, response =>
                {
                    if (response.Headers.Age is not null)
                    {
                        Interlocked.Increment(ref fromCache);
                    }

                    return true;
                });
                var uncached = await Loop(publicClients, path, token, response => response.Headers.Age is null);
                queries.Add(new StatisticsQuery(path, served, fromCache / (double)Math.Max(1, served.Done), uncached));
            }

            return new StatisticsFigures(health, queries, clients, phase);
        }
        finally
        {
            foreach (var client in publicClients)
            {
                client.Dispose();
            }
        }
    }

    private Task<LoadResult> Loop(PublicClient[] publicClients, string path, string? bearer, Func<HttpResponseMessage, bool> check) =>
        ClosedLoop.RunAsync($"GET {path}{(bearer is null ? "" : " (uncached)")}", clients, phase, async (client, i) =>
        {
            using var response = await publicClients[client].GetAsync(path, bearer);
            await response.Content.CopyToAsync(Stream.Null);
            return response.StatusCode == HttpStatusCode.OK && check(response);
        });

    /// <summary>The bench issued a release before: without one every answer would be a quick 404.</summary>
    private static async Task RequireReleaseAsync(TestServer server)
    {
        using var client = new PublicClient(server.Address);
        using var response = await client.GetAsync("/api/stats/releases");
        var releases = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        if (response.StatusCode != HttpStatusCode.OK || releases.RootElement.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"no statistics release to measure (GET /api/stats/releases answered {(int)response.StatusCode})");
        }
    }
}
