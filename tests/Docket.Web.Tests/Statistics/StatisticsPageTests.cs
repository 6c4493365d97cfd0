using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Web.Statistics.Charts;
using Docket.Web.Statistics.Page;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Statistics;

/// <summary>
/// The public statistics page and its CSV downloads through the real server: every table of a
/// release with its chart, withheld cells marked in words, the CSV cell for cell the API's
/// answer, no count from 1 to 10 anywhere, and a period that is not whole months refused.
/// </summary>
public sealed partial class StatisticsPageTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_page_shows_every_table_with_its_chart_and_marks_withheld_cells_without_any_count_from_1_to_10()
    {
        var release = await IssueWithSmallCellsAsync();

        var html = await PageAsync($"/statistics?release={release}");

        Assert.Single(H1().Matches(html));
        Assert.Contains($"Source: Docket statistics release {release}, issued", html, StringComparison.Ordinal);
        var sections = Sections(html);
        Assert.Equal(StatisticsPageEndpoints.Tables.Select(t => $"{t.Family}-{t.By}"), sections.Keys);
        Assert.All(sections, s => Assert.True(SvgChart().Count(s.Value) + (s.Value.Contains("docket-no-chart", StringComparison.Ordinal) ? 1 : 0) == 1, $"{s.Key}: not exactly one chart or one word why there is none"));
        Assert.Contains("<abbr title=\"Suppressed\">S</abbr> (1 to 10)", html, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Suppressed\">S</abbr> (complementary)", html, StringComparison.Ordinal);
        Assert.Contains("How these figures are counted", html, StringComparison.Ordinal);
        var counts = CountCell().Matches(html).Select(m => long.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.DoesNotContain(counts, c => c is >= 1 and <= 10);
        foreach (var (family, by) in StatisticsPageEndpoints.Tables)
        {
            Assert.Contains($"/statistics/{family}.csv?by={by}&amp;release={release}", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bug_a_share_of_all_17_departures_was_shown_as_10000_percent_and_is_100_percent()
    {
        var release = await IssueWithSmallCellsAsync();

        var html = await PageAsync($"/statistics?release={release}");

        // The API's rate is already a percent (of the table's total, 17 here): shown as it is.
        Assert.Contains("<td class=\"text-right\">100.0 %</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("10000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_the_charts_were_cropped_in_a_narrow_column_and_scale_with_a_view_box()
    {
        var release = await IssueWithSmallCellsAsync();

        var html = await PageAsync($"/statistics?release={release}");

        var charts = SvgChart().Matches(html);
        Assert.Equal(Sections(html).Count(s => !s.Value.Contains("docket-no-chart", StringComparison.Ordinal)), charts.Count);
        Assert.NotEmpty(charts);
        Assert.All(charts, chart => Assert.Contains("viewBox=\"0 0 ", chart.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_with_no_rows_every_cell_withheld_or_only_zeros_says_so_instead_of_drawing_an_empty_chart()
    {
        var release = await IssueWithSmallCellsAsync();

        var sections = Sections(await PageAsync($"/statistics?release={release}"));

        // No decision is in the log, so there is no fiscal year to list; both countries are withheld.
        Assert.Contains($"{StatisticsCharts.NoFigures}.", sections["outcomes-year"], StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", sections["outcomes-year"], StringComparison.Ordinal);
        Assert.Contains($"{StatisticsCharts.AllWithheld}.", sections["departures-country"], StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", sections["departures-country"], StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Suppressed\">S</abbr> (1 to 10)", sections["departures-country"], StringComparison.Ordinal);
        // No decision either, so each relief's count is 0: nothing to draw.
        Assert.Contains($"{StatisticsCharts.AllZero}.", sections["outcomes-relief"], StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", sections["outcomes-relief"], StringComparison.Ordinal);
        Assert.Single(SvgChart().Matches(sections["departures-kind"]));
        Assert.DoesNotContain("docket-no-chart", sections["departures-kind"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_CSV_has_the_figures_of_the_API_with_withheld_cells_marked_and_no_count_from_1_to_10()
    {
        var release = await IssueWithSmallCellsAsync();

        foreach (var (family, by) in StatisticsPageEndpoints.Tables)
        {
            var query = family == "departures" ? $"by={by}&from=2025-04-01&to=2025-05-31&release={release}" : $"by={by}&release={release}";
            var api = await server.StatsAsync($"/api/stats/{family}?{query}");
            using var response = await server.As(null).SendAsync(HttpMethod.Get, $"/statistics/{family}.csv?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal($"release,{by},count,rate,reason", lines[0]);
            var expected = api.GetProperty("cells").EnumerateArray().Select(c => string.Join(',',
                release.ToString(CultureInfo.InvariantCulture),
                c.GetProperty(by).GetString(),
                c.GetProperty("count").ValueKind == JsonValueKind.Null ? StatisticsCsv.SuppressedMarker : c.GetProperty("count").GetInt64().ToString(CultureInfo.InvariantCulture),
                c.TryGetProperty("rate", out var rate) ? rate.GetDouble().ToString("0.####", CultureInfo.InvariantCulture) : "",
                c.TryGetProperty("reason", out var reason) ? reason.GetString() : "")).ToList();
            Assert.Equal(expected, lines.Skip(1));
            Assert.DoesNotContain(lines.Skip(1), l => long.TryParse(l.Split(',')[2], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10);
        }
    }

    [Fact]
    public async Task The_CSV_of_departures_by_country_withholds_both_countries_when_one_is_small()
    {
        var release = await IssueWithSmallCellsAsync();

        using var response = await server.As(null).SendAsync(HttpMethod.Get, $"/statistics/departures.csv?by=country&from=2025-04-01&to=2025-04-30&release={release}");

        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{release},GTM,suppressed,,secondary\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{release},MEX,suppressed,,primary\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/statistics?from=2025-04-02&to=2025-04-30", "from: '2025-04-02' must be the first day of a month")]
    [InlineData("/statistics?from=2025-04-01&to=2025-04-29", "to: '2025-04-29' must be the last day of a month")]
    public async Task A_period_that_is_not_whole_months_is_refused_with_a_clear_error_on_the_page_and_in_the_CSV(string path, string error)
    {
        await IssueWithSmallCellsAsync();

        using var page = await server.As(null).SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("These figures could not be shown", html, StringComparison.Ordinal);
        Assert.Contains(error, WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        using var csv = await server.As(null).SendAsync(HttpMethod.Get, path.Replace("/statistics?", "/statistics/departures.csv?by=month&", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains(error, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_that_does_not_exist_is_a_404_page()
    {
        await IssueWithSmallCellsAsync();

        using var page = await server.As(null).SendAsync(HttpMethod.Get, "/statistics?release=9999");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("There is no statistics release 9999", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Once per server (the tests of this class share it): the release of <see cref="DepartAndIssueAsync"/>.</summary>
    private Task<int> IssueWithSmallCellsAsync() => Issued.GetValue(server, s => DepartAndIssueAsync(s));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteServer, Task<int>> Issued = [];

    /// <summary>14 departures to Guatemala and 3 to Mexico in April 2025: Mexico is withheld, Guatemala with it.</summary>
    private static async Task<int> DepartAndIssueAsync(SqliteServer server)
    {
        for (var i = 0; i < 14; i++)
        {
            await server.DepartAsync("GTM", $"2025-04-{10 + i:D2}");
        }

        for (var i = 0; i < 3; i++)
        {
            await server.DepartAsync("MEX", "2025-04-28", source: "self-report");
        }

        return (await server.Publisher().IssueAsync()).Release.Summary.Number;
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Each table's section of the page, by its id ("departures-month"), in page order.</summary>
    private static Dictionary<string, string> Sections(string html) =>
        html.Split("<section class=\"docket-stats-table", StringSplitOptions.None).Skip(1)
            .Select(part => part[..part.IndexOf("</section>", StringComparison.Ordinal)])
            .ToDictionary(part => SectionId().Match(part).Groups[1].Value, part => part, StringComparer.Ordinal);

    [GeneratedRegex("aria-labelledby=\"([a-z-]+)\"")]
    private static partial Regex SectionId();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("<svg[^>]* role=\"img\" aria-label=\"[^\"]+\">")]
    private static partial Regex SvgChart();

    [GeneratedRegex("<td class=\"text-right\">([0-9,]+)</td>")]
    private static partial Regex CountCell();
}
