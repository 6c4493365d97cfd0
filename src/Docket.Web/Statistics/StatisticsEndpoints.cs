using System.Globalization;
using Docket.Domain.Statistics;
using Docket.Store.Statistics;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Statistics;

/// <summary>The public statistics answers: every figure comes from a release, never from the log.</summary>
public static class StatisticsEndpoints
{
    /// <summary>GET /api/stats/departures?from=YYYY-MM-01&amp;to=YYYY-MM-DD&amp;by=...[&amp;release=N]</summary>
    public static async Task<Results<Ok<StatisticsAnswer>, ProblemHttpResult>> Departures(
        string? by, string? from, string? to, string? release, StatisticsReleases releases, StatisticsProjection projection, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        By(by, StatisticsDimensions.Departures, errors);
        var first = Day("from", from, errors, lastOfMonth: false);
        var last = Day("to", to, errors, lastOfMonth: true);
        var number = Number(release, errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The departures statistics need whole months and a table", errors);
        }

        var found = await releases.GetAsync(number, cancellationToken);
        if (found is null)
        {
            return NoRelease(number);
        }

        var through = StatisticsMonth.Parse(found.Summary.ThroughMonth);
        var fromMonth = first is { } f ? new YearMonth(f.Year, f.Month) : found.Tables.FirstMonth is { } fm ? StatisticsMonth.Parse(fm) : through;
        var toMonth = last is { } l ? new YearMonth(l.Year, l.Month) : through;
        if (toMonth > through)
        {
            errors.Add($"to: '{to}' is after the last month of release {found.Summary.Number} ({found.Summary.ThroughMonth}); the month in progress is only under 'live'");
        }

        if (fromMonth > toMonth)
        {
            errors.Add($"from: '{StatisticsMonth.Format(fromMonth)}-01' is after to");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("The departures statistics need whole months and a table", errors);
        }

        var cells = ReleaseAnswers.Departures(found.Tables, by!, fromMonth, toMonth);
        var current = releases.CurrentMonth();
        var live = ReleaseAnswers.Live(await projection.DeparturesInAsync(StatisticsMonth.Format(current), cancellationToken));
        return TypedResults.Ok(new StatisticsAnswer(
            ReleaseView.Of(found.Summary),
            by!,
            Format(fromMonth.OnDayOfMonth(1)),
            Format(toMonth.OnDayOfMonth(toMonth.Calendar.GetDaysInMonth(toMonth.Year, toMonth.Month))),
            [.. cells.Select(c => StatisticsAnswer.Cell(by!, c))],
            new LiveView(StatisticsMonth.Format(current), live, live is null ? true : null, live is null ? "primary" : null)));
    }

    /// <summary>GET /api/stats/outcomes?by=...[&amp;release=N]: judge's decisions of every complete fiscal year the release covers.</summary>
    public static async Task<Results<Ok<StatisticsAnswer>, ProblemHttpResult>> Outcomes(
        string? by, string? release, StatisticsReleases releases, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        By(by, StatisticsDimensions.Outcomes, errors);
        var number = Number(release, errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The outcomes statistics need a table", errors);
        }

        var found = await releases.GetAsync(number, cancellationToken);
        if (found is null)
        {
            return NoRelease(number);
        }

        // Outcomes count complete fiscal years only: the last ends on 30 September.
        var lastYear = int.Parse(found.Tables.LastFiscalYear![2..], CultureInfo.InvariantCulture);
        var cells = ReleaseAnswers.Outcomes(found.Tables, by!);
        return TypedResults.Ok(new StatisticsAnswer(
            ReleaseView.Of(found.Summary),
            by!,
            null,
            Format(new LocalDate(lastYear, 9, 30)),
            [.. cells.Select(c => StatisticsAnswer.Cell(by!, c))],
            null));
    }

    /// <summary>GET /api/stats/releases: every release, the latest first.</summary>
    public static async Task<Ok<IReadOnlyList<ReleaseListing>>> Releases(StatisticsReleases releases, CancellationToken cancellationToken)
    {
        var listed = new List<ReleaseListing>();
        foreach (var summary in await releases.ListAsync(cancellationToken))
        {
            var release = await releases.GetAsync(summary.Number, cancellationToken);
            listed.Add(new ReleaseListing(summary.Number, summary.IssuedAt, summary.ThroughMonth, summary.Note, release!.CountingRules));
        }

        return TypedResults.Ok<IReadOnlyList<ReleaseListing>>(listed);
    }

    private static ProblemHttpResult NoRelease(int? number) => Problems.NotFound(number is { } n
        ? $"There is no statistics release {n}; GET /api/stats/releases lists them."
        : "No statistics release has been issued yet (docket stats release issues one).");

    private static void By(string? by, IReadOnlyList<string> tables, List<string> errors)
    {
        if (by is null || !tables.Contains(by))
        {
            errors.Add($"by: {(by is null ? "is required" : $"'{by}' is not a table")}; one of {string.Join(", ", tables)}");
        }
    }

    private static LocalDate? Day(string name, string? text, List<string> errors, bool lastOfMonth)
    {
        if (text is null || !QueryValues.TryDate(name, text, errors, out var date))
        {
            return null;
        }

        var wanted = lastOfMonth ? date.Calendar.GetDaysInMonth(date.Year, date.Month) : 1;
        if (date.Day != wanted)
        {
            // Periods are whole months: two answers for day ranges could be subtracted to isolate a single departure.
            errors.Add($"{name}: '{text}' must be the {(lastOfMonth ? "last" : "first")} day of a month (periods are whole months)");
            return null;
        }

        return date;
    }

    private static int? Number(string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors.Add($"release: '{text}' must be a release number (1, 2, ...)");
        return null;
    }

    private static string Format(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
