using System.Net;
using System.Net.Http.Headers;
using Docket.Store;
using Docket.Store.Users;
using Docket.Testing;
using NodaTime;

namespace Docket.Bench;

/// <summary>The staff pages against the JSON they mirror, from one run on one server.</summary>
internal sealed record PageFigures(LoadResult JsonCase, LoadResult CasePage, LoadResult Work, LoadResult WorkLists, int Cases);

/// <summary>
/// The staff pages rendered on the server, as 8 signed-in officers' browsers ask for them (issue
/// 12): GET /cases/{aNumber} for random cases of their office, and GET /work (My work), against
/// GET /api/cases/{aNumber} with a bearer token for the same cases (the same random sequence per
/// client), and against the four JSON lists My work shows (deadlines, hearings, departures
/// awaiting verification, idle cases) asked one after another. Each browser is a different
/// officer, signed in through the real form. The phases alternate in two rounds (JSON, page, My
/// work, lists; then again) so that all of them meet the same drift in the machine's load.
/// </summary>
internal sealed class PageLoad(DatabaseTarget target, string keyPath, int clients, TimeSpan duration)
{
    private const int Rounds = 2;

    public async Task<PageFigures> RunAsync()
    {
        await using var server = await ApiLoad.StartServerAsync(target, keyPath);
        var cases = await ApiLoad.OfficeCasesAsync(target, 10_000);
        var token = await server.AddUserAsync($"bench-api-officer-{Guid.NewGuid():N}", UserRoles.Officer, ApiLoad.Office);
        var browsers = new List<StaffBrowser>();
        var apis = new List<HttpClient>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var name = $"bench-browser-{i}-{Guid.NewGuid():N}"[..30];
                await server.AddUserAsync(name, UserRoles.Officer, ApiLoad.Office);
                browsers.Add(await StaffBrowser.SignedInAsync(server.Address, await server.GiveStaffSignInAsync(name)));
                var api = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                apis.Add(api);
            }

            // Signed in: the first page of each must be the page itself, not the sign-in form again.
            foreach (var browser in browsers)
            {
                using var first = await browser.Http.GetAsync(new Uri("/work", UriKind.Relative));
                var html = await first.Content.ReadAsStringAsync();
                if (first.StatusCode != HttpStatusCode.OK || !html.Contains("Sign out", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"a signed-in browser's GET /work answered {(int)first.StatusCode} without a Sign out button");
                }
            }

            var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/New_York"]).Date;
            var monday = today.PlusDays(-((int)today.DayOfWeek - 1));
            var lists = new[]
            {
                "/api/caseload/deadlines",
                $"/api/caseload/hearings?from={monday:yyyy-MM-dd}&to={monday.PlusDays(13):yyyy-MM-dd}",
                "/api/departures/pending",
                "/api/caseload/idle",
            };

            var round = duration / (Rounds * 1.0);
            var json = new List<LoadResult>();
            var page = new List<LoadResult>();
            var work = new List<LoadResult>();
            var workLists = new List<LoadResult>();
            for (var r = 0; r < Rounds; r++)
            {
                // The same cases in the same order for the JSON and the page: each client's own seeded sequence.
                var seed = r;
                var jsonPicks = Picks(cases, seed);
                json.Add(await ClosedLoop.RunAsync("JSON case", clients, round, (client, i) => OkAsync(apis[client], $"/api/cases/{jsonPicks[client].Next()}")));
                var pagePicks = Picks(cases, seed);
                page.Add(await ClosedLoop.RunAsync("case page", clients, round, (client, i) => OkAsync(browsers[client].Http, $"/cases/{pagePicks[client].Next()}")));
                work.Add(await ClosedLoop.RunAsync("My work", clients, round, (client, i) => OkAsync(browsers[client].Http, "/work")));
                workLists.Add(await ClosedLoop.RunAsync("My work's JSON lists", clients, round, async (client, i) =>
                {
                    foreach (var list in lists)
                    {
                        if (!await OkAsync(apis[client], list))
                        {
                            return false;
                        }
                    }

                    return true;
                }));
            }

            return new PageFigures(LoadResult.Combine(json), LoadResult.Combine(page), LoadResult.Combine(work), LoadResult.Combine(workLists), cases.Count);
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
            apis.ForEach(a => a.Dispose());
        }
    }

    private CaseSequence[] Picks(List<string> cases, int seed) =>
        [.. Enumerable.Range(0, clients).Select(client => new CaseSequence(cases, new Random((client * 1009) + seed)))];

    private static async Task<bool> OkAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.CopyToAsync(Stream.Null);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>One client's random cases; each client's sequence is its own (used by one client at a time).</summary>
    private sealed class CaseSequence(List<string> cases, Random random)
    {
        public string Next() => cases[random.Next(cases.Count)];
    }
}
