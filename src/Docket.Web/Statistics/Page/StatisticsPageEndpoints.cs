using Docket.Web.Pages;

namespace Docket.Web.Statistics.Page;

/// <summary>
/// GET /statistics (the public page) and GET /statistics/{departures|outcomes}.csv?by=...: open to
/// everyone, rate-limited like the API, reading the same answers as GET /api/stats/....
/// </summary>
public static class StatisticsPageEndpoints
{
    public static void MapStatisticsPages(this RouteGroupBuilder pages)
    {
        // Cached like the API's answers (30 s, by query, forgotten when a release is issued): a
        // release never changes, and drawing eight charts on every request cost the public page
        // about 70 ms of CPU (29 pages/s on two cores). A signed-in request is never cached.
        pages.MapGet("/statistics", PageAsync).AllowAnonymous().RequireRateLimiting(StatisticsApi.Limiter).CacheOutput(StatisticsApi.CachePolicy);
        pages.MapGet("/statistics/departures.csv", (string? by, string? from, string? to, string? release, IServiceProvider services, CancellationToken cancellationToken) =>
            CsvAsync("departures", by, from, to, release, services, cancellationToken)).AllowAnonymous().RequireRateLimiting(StatisticsApi.Limiter);
        pages.MapGet("/statistics/outcomes.csv", (string? by, string? release, IServiceProvider services, CancellationToken cancellationToken) =>
            CsvAsync("outcomes", by, null, null, release, services, cancellationToken)).AllowAnonymous().RequireRateLimiting(StatisticsApi.Limiter);
    }

    private static async Task<IResult> PageAsync(string? from, string? to, string? release, IServiceProvider services, Charts.StatisticsCharts charts, CancellationToken cancellationToken)
    {
        var releases = (await StatisticsEndpoints.Releases(services.GetRequiredService<Docket.Store.Statistics.StatisticsReleases>(), cancellationToken)).Value!;
        var tables = new List<PublishedTable>();
        var errors = new List<string>();
        var status = StatusCodes.Status200OK;
        foreach (var (family, by) in Tables)
        {
            var (table, problem) = await PublishedTable.ReadAsync(family, by, from, to, release, services, cancellationToken);
            if (table is not null)
            {
                tables.Add(table);
            }
            else if (releases.Count > 0)
            {
                status = problem!.StatusCode;
                errors.AddRange(PublishedTable.Errors(problem).Except(errors));
            }
        }

        var charted = tables.Select(t => Charts.StatisticsCharts.NothingToDraw(t.Cells) is { } why ? new ChartedTable(t, null, why) : new ChartedTable(t, Chart(charts, t), null)).ToList();
        return PageResults.Page<StatisticsPage>(new { Releases = releases, Tables = charted, Errors = errors, From = from, To = to }, status);
    }

    private static async Task<IResult> CsvAsync(string family, string? by, string? from, string? to, string? release, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (table, problem) = await PublishedTable.ReadAsync(family, by ?? "", from, to, release, services, cancellationToken);
        if (table is null)
        {
            return Results.Text(string.Join("\n", PublishedTable.Errors(problem!)) + "\n", "text/plain; charset=utf-8", statusCode: problem!.StatusCode);
        }

        var name = $"docket-{family}-by-{table.By}-release-{table.Answer.Release.Number}.csv";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(StatisticsCsv.Write(table)), "text/csv; charset=utf-8", name);
    }

    /// <summary>The tables of the page, in order: departures by month, kind and country; outcomes by each of theirs.</summary>
    public static readonly IReadOnlyList<(string Family, string By)> Tables =
    [
        ("departures", "month"), ("departures", "kind"), ("departures", "country"),
        ("outcomes", "year"), ("outcomes", "court"), ("outcomes", "relief"), ("outcomes", "representation"), ("outcomes", "in-absentia"),
    ];

    public static string Title(PublishedTable table) => (table.Family, table.By) switch
    {
        ("departures", "month") => "Verified departures by month",
        ("departures", "kind") => "Verified departures by kind",
        ("departures", "country") => "Verified departures by destination country",
        ("outcomes", "year") => "Judge's decisions by fiscal year",
        ("outcomes", "court") => "Judge's decisions by immigration court",
        ("outcomes", "relief") => "Judge's decisions by relief",
        ("outcomes", "representation") => "Judge's decisions by representation",
        ("outcomes", "in-absentia") => "Judge's decisions in absentia or not",
        var (family, by) => $"{family} by {by}",
    };

    private static string Chart(Charts.StatisticsCharts charts, PublishedTable table) =>
        table.By == "month" ? charts.Line(Title(table), table.Cells) : charts.Bars(Title(table), table.Cells);
}

/// <summary>A table with its chart (an SVG document drawn on the server), or why it has none (nothing to draw).</summary>
public sealed record ChartedTable(PublishedTable Table, string? Svg, string? NoChart)
{
    public string Id => $"{Table.Family}-{Table.By}";

    public string CsvHref => $"/statistics/{Table.Family}.csv?by={Table.By}&release={Table.Answer.Release.Number}"
        + (Table.Family == "departures" && Table.Answer.From is { } from ? $"&from={from}&to={Table.Answer.To}" : "");
}
