using Docket.Domain.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Statistics.Page;

/// <summary>
/// One table of the statistics page or its CSV, read back from the very answer the API gives
/// (<see cref="StatisticsEndpoints"/>), so the page, the CSV and the API cannot disagree.
/// </summary>
public sealed record PublishedTable(string Family, string By, StatisticsAnswer Answer, IReadOnlyList<PublishedCell> Cells)
{
    /// <summary>The answer of GET /api/stats/{family}?by=..., or the problem it would give.</summary>
    public static async Task<(PublishedTable? Table, ProblemHttpResult? Problem)> ReadAsync(
        string family, string by, string? from, string? to, string? release, IServiceProvider services, CancellationToken cancellationToken)
    {
        var releases = services.GetRequiredService<Docket.Store.Statistics.StatisticsReleases>();
        var answer = family == "departures"
            ? (await StatisticsEndpoints.Departures(by, from, to, release, releases, services.GetRequiredService<Docket.Store.Statistics.StatisticsProjection>(), cancellationToken)).Result
            : (await StatisticsEndpoints.Outcomes(by, release, releases, cancellationToken)).Result;
        return answer switch
        {
            Ok<StatisticsAnswer> ok => (new PublishedTable(family, by, ok.Value!, [.. ok.Value!.Cells.Select(c => Cell(by, c))]), null),
            ProblemHttpResult problem => (null, problem),
            _ => throw new InvalidOperationException("The statistics answer is neither figures nor a problem."),
        };
    }

    /// <summary>The problem's list of errors (the API's 400 lists them), or its detail.</summary>
    public static IReadOnlyList<string> Errors(ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable<string> list
            ? [.. list]
            : [problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "The figures could not be read."];

    private static PublishedCell Cell(string by, IReadOnlyDictionary<string, object?> cell)
    {
        var count = cell["count"] as long?;
        var status = count is not null ? CellStatus.Published
            : cell.TryGetValue("reason", out var reason) && reason as string == "primary" ? CellStatus.Primary : CellStatus.Secondary;
        return new PublishedCell((string)cell[by]!, count, status, cell.TryGetValue("rate", out var rate) ? rate as double? : null);
    }
}
