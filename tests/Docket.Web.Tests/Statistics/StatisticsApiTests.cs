using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Statistics;

/// <summary>
/// The public statistics through the real server: departures verified through the API appear in
/// the next release, small cells withheld with their reason, earlier releases still answer as
/// they did, and periods are whole months.
/// </summary>
public abstract class StatisticsApiTests(DocketServer server)
{
    [Fact]
    public async Task Verified_departures_appear_in_the_next_release_with_small_cells_withheld_and_earlier_releases_unchanged()
    {
        for (var i = 0; i < 14; i++)
        {
            await server.DepartAsync("GTM", $"2025-04-{10 + i:D2}");
        }

        for (var i = 0; i < 3; i++)
        {
            await server.DepartAsync("MEX", "2025-04-28", source: "self-report");
        }

        var first = (await server.Publisher().IssueAsync()).Release.Summary.Number;

        var byCountry = await server.StatsAsync($"/api/stats/departures?from=2025-04-01&to=2025-04-30&by=country&release={first}");
        Assert.Equal(["GTM=secondary", "MEX=primary"], byCountry.Cells("country"));
        Assert.Equal("2025-05", byCountry.GetProperty("release").GetProperty("throughMonth").GetString());
        Assert.Equal(first, byCountry.GetProperty("release").GetProperty("number").GetInt32());
        Assert.Equal("2025-04-01", byCountry.GetProperty("from").GetString());
        Assert.Equal("2025-04-30", byCountry.GetProperty("to").GetString());
        var withheld = byCountry.GetProperty("cells")[1];
        Assert.Equal(["country", "count", "suppressed", "reason"], withheld.EnumerateObject().Select(p => p.Name));

        var byMonth = await server.StatsAsync($"/api/stats/departures?from=2025-04-01&to=2025-05-31&by=month&release={first}");
        Assert.Equal(["2025-04=17", "2025-05=0"], byMonth.Cells("month"));
        Assert.Equal(100, byMonth.GetProperty("cells")[0].GetProperty("rate").GetDouble());
        var byKind = await server.StatsAsync($"/api/stats/departures?from=2025-04-01&to=2025-04-30&by=kind&release={first}");
        Assert.Equal(["departure-without-order=17", "self-removal=0", "timely-voluntary-departure=0"], byKind.Cells("kind"));
        var bySource = await server.StatsAsync($"/api/stats/departures?from=2025-04-01&to=2025-04-30&by=source&release={first}");
        Assert.Equal(["carrier-manifest=0", "exit-record=secondary", "self-report=primary"], bySource.Cells("source"));
        Assert.Equal("2025-06", byCountry.GetProperty("live").GetProperty("month").GetString());

        // Eight more to Mexico: both countries can now be published; release N stays as it was.
        for (var i = 0; i < 8; i++)
        {
            await server.DepartAsync("MEX", "2025-04-29");
        }

        var second = (await server.Publisher().IssueAsync()).Release.Summary.Number;
        Assert.Equal(first + 1, second);
        Assert.Equal(["GTM=14", "MEX=11"], (await server.StatsAsync("/api/stats/departures?from=2025-04-01&to=2025-04-30&by=country")).Cells("country"));
        Assert.Equal(["GTM=secondary", "MEX=primary"], (await server.StatsAsync($"/api/stats/departures?from=2025-04-01&to=2025-04-30&by=country&release={first}")).Cells("country"));

        var releases = (await server.StatsAsync("/api/stats/releases")).EnumerateArray().ToList();
        Assert.Equal(second, releases[0].GetProperty("number").GetInt32());
        Assert.Contains("Revises departures of 2025-04", releases[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("Counting rules", releases[0].GetProperty("countingRules").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_are_counted_by_complete_fiscal_year_representation_and_in_absentia()
    {
        var api = server.AsOfficer;
        for (var i = 0; i < 12; i++)
        {
            var digits = server.NewANumber();
            var version = (await api.OpenAsync(digits)).Version;
            version = await api.AppendAsync(digits, version, AccessBodies.NoticeToAppearServed("2024-06-03"));
            await api.AppendAsync(digits, version, """{"type":"JudgeDecided","on":"2024-09-16","outcome":"removal-ordered","removalCountry":"GTM","alternateCountries":[],"protectedCountries":[],"inAbsentia":true}""");
        }

        // FY2025 (October 2024 to September 2025) is not over: only FY2024 is counted.
        var digits2025 = server.NewANumber();
        var v = (await api.OpenAsync(digits2025)).Version;
        v = await api.AppendAsync(digits2025, v, AccessBodies.NoticeToAppearServed());
        await api.AppendAsync(digits2025, v, """{"type":"JudgeDecided","on":"2025-05-20","outcome":"terminated","alternateCountries":[],"protectedCountries":[],"appeal":"waived","inAbsentia":false}""");
        await server.Publisher().IssueAsync();

        var byYear = await server.StatsAsync("/api/stats/outcomes?by=year");
        Assert.Equal(["FY2024=12"], byYear.Cells("year"));
        Assert.Equal(JsonValueKind.Null, byYear.GetProperty("from").ValueKind);
        Assert.Equal("2024-09-30", byYear.GetProperty("to").GetString());
        Assert.False(byYear.TryGetProperty("live", out _));
        Assert.Contains("true=12", (await server.StatsAsync("/api/stats/outcomes?by=in-absentia")).Cells("in-absentia"));
        Assert.Contains("unrepresented=12", (await server.StatsAsync("/api/stats/outcomes?by=representation")).Cells("representation"));
    }

    [Theory]
    [InlineData("/api/stats/departures?by=country&from=2025-04-02&to=2025-04-30", "from:")]
    [InlineData("/api/stats/departures?by=country&from=2025-04-01&to=2025-04-29", "to:")]
    [InlineData("/api/stats/departures?by=country&from=2025-04-01&to=2025-02-30", "to:")]
    [InlineData("/api/stats/departures?by=country&from=2025-05-01&to=2025-04-30", "from:")]
    [InlineData("/api/stats/departures?by=city&from=2025-04-01&to=2025-04-30", "by:")]
    [InlineData("/api/stats/departures?from=2025-04-01&to=2025-04-30", "by:")]
    [InlineData("/api/stats/departures?by=month&to=2025-06-30", "to:")]
    [InlineData("/api/stats/departures?by=month&release=first", "release:")]
    [InlineData("/api/stats/outcomes?by=office", "by:")]
    public async Task A_period_that_is_not_whole_months_or_a_table_that_does_not_exist_is_a_400_naming_the_field(string path, string field)
    {
        await server.Publisher().IssueAsync();
        using var response = await server.As(null).SendAsync(HttpMethod.Get, path);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(field, problem.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_that_does_not_exist_is_a_404()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/api/stats/outcomes?by=year&release=9999");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no statistics release 9999", problem.Text("detail"), StringComparison.Ordinal);
    }
}

public sealed class StatisticsApiOnSqlite(SqliteServer server) : StatisticsApiTests(server), IClassFixture<SqliteServer>;

public sealed class StatisticsApiOnPostgres(PostgresServer server) : StatisticsApiTests(server), IClassFixture<PostgresServer>;
