using System.Net;
using System.Text.Json;
using Docket.Store.Access;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Docket.Web.Tests.Audit;

/// <summary>
/// GET /api/audit/access's filters for the reader's office and the days (days of New York, the
/// legal time zone, both included), bad values as 400 problems, and the CSV of GET
/// /api/audit/access.csv and /audit/access.csv: the JSON's entries with the same filters, a
/// header line, quoting and formula escaping, no 1000-entry cap, auditors only.
/// </summary>
public abstract class AccessLogFiltersTests(DocketServer server)
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>
    /// A case read by the NYC officer now, then by the LAX supervisor breaking glass at 22:30 in
    /// New York the next day, which is already the day after in UTC. Returns the case and the two days.
    /// </summary>
    private async Task<(string Digits, LocalDate First, LocalDate Second)> ReadOnTwoDaysAsync(string reason)
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);
        (await server.AsOfficer.GetRawAsync(digits)).Dispose();
        var first = server.Clock.GetCurrentInstant().InZone(NewYork).Date;
        var lateNext = first.PlusDays(1).At(new LocalTime(22, 30)).InZoneLeniently(NewYork).ToInstant();
        server.Clock.Advance(lateNext - server.Clock.GetCurrentInstant());
        using var breakGlass = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", reason);
        Assert.Equal(HttpStatusCode.OK, breakGlass.StatusCode);
        return (digits, first, first.PlusDays(1));
    }

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> UsersAsync(string query) =>
        [.. (await server.AccessLogAsync(query)).Select(e => e.Text("userName"))];

    [Fact]
    public async Task The_office_and_day_filters_find_the_reads_by_the_readers_office_and_the_day_in_New_York()
    {
        var (digits, first, second) = await ReadOnTwoDaysAsync("Quarterly review of hearing notices");

        Assert.Equal([DocketServer.Officer], await UsersAsync($"aNumber={digits}&office=NYC"));
        Assert.Equal(["supervisor-lax"], await UsersAsync($"aNumber={digits}&office=LAX"));
        Assert.Empty(await UsersAsync($"aNumber={digits}&office=MIA"));
        // 22:30 in New York is 02:30 UTC the day after: the day is New York's.
        Assert.Equal(["supervisor-lax"], await UsersAsync($"aNumber={digits}&from={Day(second)}&to={Day(second)}"));
        Assert.Empty(await UsersAsync($"aNumber={digits}&from={Day(second.PlusDays(1))}"));
        Assert.Equal([DocketServer.Officer], await UsersAsync($"aNumber={digits}&to={Day(first)}"));
        Assert.Equal([DocketServer.Officer, "supervisor-lax"], await UsersAsync($"aNumber={digits}&from={Day(first)}&to={Day(second)}"));
        Assert.Equal(["supervisor-lax"], await UsersAsync($"aNumber={digits}&breakGlass=true&outcome=allowed"));
    }

    [Theory]
    [InlineData("from=2025-13-01", "from: '2025-13-01' must be a real calendar date")]
    [InlineData("to=yesterday", "to: 'yesterday' must be a real calendar date")]
    [InlineData("from=2025-06-03&to=2025-06-02", "from: 2025-06-03 is after to (2025-06-02)")]
    [InlineData("office=N%00YC", "office: must not hold control characters")]
    [InlineData("outcome=maybe", "outcome: must be allowed or refused")]
    [InlineData("aNumber=12", "aNumber: '12' must be 9 digits")]
    public async Task A_bad_filter_is_a_400_problem_naming_it_for_the_json_and_the_csv(string query, string error)
    {
        foreach (var path in new[] { "/api/audit/access", "/api/audit/access.csv" })
        {
            using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"{path}?{query}");
            var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith(error, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_csv_has_a_header_and_the_same_entries_as_the_json_with_the_filters_applied_quoted_and_formulas_escaped()
    {
        var (digits, _, _) = await ReadOnTwoDaysAsync("=HYPERLINK(\"http://invented.example\"), \"asked\" by the court");

        using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access.csv?aNumber={digits}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("docket-access-log-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var records = CsvText.Records(await response.Content.ReadAsStringAsync());

        Assert.Equal(["id", "at", "userName", "role", "office", "aNumber", "purpose", "breakGlass", "reason", "outcome"], records[0]);
        var json = await server.AccessLogForAsync(digits);
        Assert.Equal(json.Count, records.Count - 1);
        Assert.Equal(2, json.Count);
        for (var i = 0; i < json.Count; i++)
        {
            var e = json[i];
            string[] expected =
            [
                e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), e.Text("at"), e.Text("userName"), e.Text("role"),
                e.GetProperty("office").GetString() ?? "", e.Text("aNumber"), e.Text("purpose"), e.GetProperty("breakGlass").GetBoolean() ? "true" : "false",
                e.GetProperty("reason").ValueKind == JsonValueKind.Null ? "" : "'" + e.Text("reason"), e.Text("outcome"),
            ];
            Assert.Equal(expected, records[i + 1]);
        }

        using var filtered = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access.csv?aNumber={digits}&office=LAX&breakGlass=true");
        var only = CsvText.Records(await filtered.Content.ReadAsStringAsync());
        Assert.Equal(2, only.Count);
        Assert.Equal(("supervisor-lax", "true"), (only[1][2], only[1][7]));
    }

    [Fact]
    public async Task The_csv_holds_every_matching_entry_past_the_1000_a_page_of_the_json()
    {
        var digits = server.NewANumber();
        var log = server.App.Services.GetRequiredService<AccessLog>();
        await Task.WhenAll(Enumerable.Range(0, 2_500).Select(i => log.RecordAsync(new AccessLogRow
        {
            At = "",
            UserName = $"officer-{i % 7}",
            Role = "officer",
            Office = "NYC",
            ANumber = digits,
            Purpose = "search",
            Outcome = "allowed",
        })));

        using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access.csv?aNumber={digits}");
        var records = CsvText.Records(await response.Content.ReadAsStringAsync());

        Assert.Equal(2_501, records.Count);
        var ids = records.Skip(1).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(2_500, ids.Distinct().Count());
    }

    [Fact]
    public async Task Only_auditors_download_the_csv_from_the_api_and_from_the_page()
    {
        var (digits, _, _) = await ReadOnTwoDaysAsync("Review of the office's notices");
        foreach (var token in new[] { server.SupervisorToken, server.OtherSupervisorToken, server.OfficerToken, server.AttorneyToken })
        {
            using var refused = await server.As(token).SendAsync(HttpMethod.Get, $"/api/audit/access.csv?aNumber={digits}");
            await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using var anonymous = await server.As(null).SendAsync(HttpMethod.Get, "/api/audit/access.csv");
        await Json.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var auditor = await server.PagesAsAsync("auditor-oig");
        using var page = await auditor.Http.GetAsync($"/audit/access.csv?aNumber={digits}&office=&from=&breakGlass=true");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var records = CsvText.Records(await page.Content.ReadAsStringAsync());
        Assert.Equal(["supervisor-lax"], records.Skip(1).Select(r => r[2]));

        using var supervisor = await server.PagesAsAsync("supervisor-nyc");
        using var forbidden = await supervisor.Http.GetAsync($"/audit/access.csv?aNumber={digits}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("supervisor-lax", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_entries_newest_first_with_their_filters_and_a_csv_link_for_the_same_filters()
    {
        var (digits, _, second) = await ReadOnTwoDaysAsync("Review of the office's notices");
        using var auditor = await server.PagesAsAsync("auditor-oig");

        using var response = await auditor.Http.GetAsync($"/audit/access?aNumber=A{digits}&user=&office=LAX&from=&to={Day(second)}&breakGlass=true&outcome=");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/cases/{digits}\"", html, StringComparison.Ordinal);
        Assert.Contains("Review of the office&#x27;s notices", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + DocketServer.Officer + "<", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/audit/access.csv?aNumber={digits}&amp;office=LAX&amp;to={Day(second)}&amp;breakGlass=true\"", html, StringComparison.Ordinal);
        Assert.Matches("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">\\w+day, \\d+ \\w+ \\d{4}, 22:30</time>", html);

        using var bad = await auditor.Http.GetAsync("/audit/access?from=2025-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from: &#x27;2025-02-30&#x27; must be a real calendar date", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccessLogFiltersTests(SqliteServer server) : AccessLogFiltersTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAccessLogFiltersTests(PostgresServer server) : AccessLogFiltersTests(server), IClassFixture<PostgresServer>;
