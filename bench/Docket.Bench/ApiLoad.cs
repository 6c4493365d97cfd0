using System.Net.Http.Headers;
using System.Text;
using Docket.Domain.Calendar;
using Docket.Store;
using Docket.Store.Statistics;
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
    public const string Office = "NYC";

    public Task<LoadResult> AppendAsync() => AppendAsync(maintainsStatistics: true, duration, round: 0);

    /// <summary>
    /// The same appends on servers with and without statistics maintenance (the background
    /// catch-up), in eight alternating rounds of a quarter of the phase each, so that both meet the
    /// same drift in the machine's load. The projection is caught up outside
    /// the measurement after a round without, so the next round with it starts level. Each round
    /// appends to cases of its own: on the same cases every round met longer histories than the
    /// one before (an append folds its case), and the last round, always one with maintenance,
    /// was the slowest by a third.
    /// </summary>
    public async Task<(LoadResult With, LoadResult Without)> AppendWithAndWithoutStatisticsAsync()
    {
        // Eight rounds of a quarter of the phase each, in the order with, without, without, with,
        // without, with, with, without: the same time as four half-length rounds, but a drift of
        // the machine (these runs moved 8-9 points from one run to the next) falls on both sides
        // more evenly.
        var quarter = duration / 4;
        var with = new List<LoadResult>();
        var without = new List<LoadResult>();
        // Two rounds not counted first (with, then without), on cases of their own: in the
        // 10,000,000-event runs the first counted round (one with maintenance) met the append
        // path's first JIT tiers and a cold page cache, and was a third slower than the rounds
        // after it (2026-12-03), and still a fifth slower after one warm-up round of a quarter (2026-12-07).
        await AppendAsync(true, quarter, round: 9, label: "appends (warm-up, not counted)");
        await AppendAsync(false, quarter, round: 10, label: "appends without statistics maintenance (warm-up, not counted)");
        // The warm-up leaves the projection behind by what its server had not yet counted, which
        // the first counted round would otherwise catch up too. (What made that round the slowest
        // in every run was mostly the import's leftover work, which Settle now finishes first.)
        await CatchUpAsync();
        var round = 0;
        foreach (var maintained in new[] { true, false, false, true, false, true, true, false })
        {
            (maintained ? with : without).Add(await AppendAsync(maintained, quarter, ++round));
            if (!maintained)
            {
                await CatchUpAsync();
            }
        }

        return (LoadResult.Combine(with), LoadResult.Combine(without));
    }

    private Task<long> CatchUpAsync() => new StatisticsProjection(new DocketDatabase(target), CourtCalendar.Default).CatchUpAsync();

    /// <summary>
    /// One round of the appends (with statistics maintenance) on the <paramref name="round"/>-th set
    /// of cases, after the same loop run uncounted for <paramref name="warmUp"/> on the same server:
    /// a round of PeerRounds, beside Marten's.
    /// </summary>
    public Task<LoadResult> AppendRoundAsync(int round, TimeSpan warmUp) => AppendAsync(maintainsStatistics: true, duration, round, warmUp: warmUp);

    private async Task<LoadResult> AppendAsync(bool maintainsStatistics, TimeSpan time, int round, string? label = null, TimeSpan warmUp = default)
    {
        var (server, http, token) = await StartAsync(maintainsStatistics);
        await using var _ = server;
        using var __ = http;
        var (cases, versions) = await CasesOfRoundAsync(target, clients, round);

        label ??= maintainsStatistics ? "appends" : "appends without statistics maintenance";
        return await WarmedUpAsync(label, warmUp, time, async (client, i) =>
        {
            // Each client appends to its own cases, so If-Match never races another client.
            var owned = (cases.Count + clients - 1 - client) / clients;
            var aNumber = owned > 0 ? cases[client + (clients * (i % owned))] : cases[client % cases.Count];
            var body = $"{{\"type\":\"MailingAddressChanged\",\"on\":\"2026-11-2{i % 9}\",\"address\":\"{i} Invented Lane, Springfield\"}}";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{aNumber}/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{versions[aNumber]}\"");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
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
    public async Task<LoadResult> HealthAsync()
    {
        var (server, http, _) = await StartAsync();
        await using var _ = server;
        using var __ = http;
        return await ClosedLoop.RunAsync("GET /healthz", clients, duration, async (client, i) =>
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        });
    }

    /// <summary>GET /api/cases/{aNumber} of random cases; after an uncounted warm-up on the same server when one is given.</summary>
    public async Task<LoadResult> ReadAsync(TimeSpan warmUp = default)
    {
        var (server, http, token) = await StartAsync();
        await using var _ = server;
        using var __ = http;
        var cases = await OfficeCasesAsync(target, 10_000);
        return await WarmedUpAsync("case reads", warmUp, duration, async (client, i) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{cases[Random.Shared.Next(cases.Count)]}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        });
    }

    /// <summary>The bench's server on the loaded database: the real host, the system clock, the run's checkpoint key.</summary>
    private Task<LoadResult> WarmedUpAsync(string label, TimeSpan warmUp, TimeSpan time, Func<int, int, Task<bool>> operation) =>
        ClosedLoop.WarmedUpAsync(label, clients, warmUp, time, operation);

    public static Task<TestServer> StartServerAsync(DatabaseTarget target, string keyPath, bool maintainsStatistics = true) =>
        new TestServerBuilder
        {
            Database = target,
            Clock = SystemClock.Instance,
            Environment = "Benchmark",
            Checkpoints = new CheckpointSettings { KeyPath = keyPath },
            MaintainsStatistics = maintainsStatistics,
        }.StartAsync();

    /// <summary>
    /// The cases round <paramref name="round"/> appends to, 20 a client, and their versions: each
    /// round a set of its own, because an append reads and folds its case and a round on cases a
    /// round before had grown met longer histories (a database too small for that many sets starts over).
    /// </summary>
    public static async Task<(List<string> Cases, System.Collections.Concurrent.ConcurrentDictionary<string, int> Versions)> CasesOfRoundAsync(DatabaseTarget target, int clients, int round)
    {
        var perRound = clients * 20;
        var office = await OfficeCasesAsync(target, perRound * (round + 1));
        var sets = Math.Max(1, office.Count / perRound);
        var cases = office.Skip(round % sets * perRound).Take(perRound).ToList();
        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var context = new DocketDatabase(target).CreateContext();
        foreach (var row in await context.Cases.Where(c => cases.Contains(c.ANumber)).Select(c => new { c.ANumber, c.Version }).ToListAsync())
        {
            versions[row.ANumber] = row.Version;
        }

        return (cases, versions);
    }

    /// <summary>The first <paramref name="count"/> cases of the office the bench's users work in, by A-number.</summary>
    public static async Task<List<string>> OfficeCasesAsync(DatabaseTarget target, int count)
    {
        await using var context = new DocketDatabase(target).CreateContext();
        return await context.Cases.Where(c => c.Office == Office).OrderBy(c => c.ANumber).Select(c => c.ANumber).Take(count).ToListAsync();
    }

    private async Task<(TestServer Server, HttpClient Http, string Token)> StartAsync(bool maintainsStatistics = true)
    {
        var server = await StartServerAsync(target, keyPath, maintainsStatistics);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = server.Address };
        var token = await server.AddUserAsync($"bench-officer-{Guid.NewGuid():N}", UserRoles.Officer, Office);
        return (server, http, token);
    }
}
