using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Docket.Domain.Statistics;

/// <summary>One month's count of one value of a departures table, and whether it is published.</summary>
public sealed record MonthAtom(string Month, string Value, long Count, CellStatus Status);

/// <summary>A departures table of a release: its values and its non-zero month atoms (every other atom is a published zero).</summary>
public sealed record DepartureTable(string By, IReadOnlyList<string> Values, IReadOnlyList<MonthAtom> Atoms);

/// <summary>One fiscal year's count of one value of an outcomes table, and whether it is published.</summary>
public sealed record YearAtom(string Year, string Value, long Count, CellStatus Status);

/// <summary>An outcomes table of a release: its values and its non-zero fiscal-year atoms.</summary>
public sealed record OutcomeTable(string By, IReadOnlyList<string> Values, IReadOnlyList<YearAtom> Atoms);

/// <summary>
/// The tables of a release, counts and suppression decided once, from the projection's cells and
/// the last month covered; nothing else (no clock) goes in, so a rebuild from the log gives the
/// same tables, byte for byte (<see cref="ToCanonicalJson"/>).
/// </summary>
/// <remarks>
/// Departures are decided month by month: each month's total (the <c>month</c> table) is
/// withheld when small, and each other table's cells of that month are protected as a partition
/// of it. A period's cell is published only when every month of it is, so the answers for every
/// whole-month period say nothing that the months do not, and the months of one table are tied
/// to each other by no published figure: the guarantee of <see cref="ComplementarySuppression"/>
/// holds for every period at once. A month's decisions depend on that month's counts only, so a
/// later release repeats them unless the month's counts changed. Outcomes are decided the same
/// way by fiscal year, and a release counts only complete fiscal years, so two releases differ
/// only by whole years, each protected on its own: subtracting one release from the next gives
/// nothing that is not published.
/// </remarks>
public sealed record ReleaseTables(string ThroughMonth, string? FirstMonth, string? LastFiscalYear, IReadOnlyList<DepartureTable> Departures, IReadOnlyList<OutcomeTable> Outcomes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ReleaseTables Build(YearMonth through, IEnumerable<DepartureCell> departureCells, IEnumerable<OutcomeCell> outcomeCells)
    {
        var departures = departureCells.Where(c => c.Count != 0 && StatisticsMonth.Parse(c.Month) <= through).ToList();
        // The last fiscal year that is complete by the end of the release's last month.
        var lastYear = through.Month >= 9 ? FiscalYear.Of(through) : FiscalYear.Of(through) - 1;
        var outcomes = outcomeCells.Where(c => c.Count != 0 && FiscalYear.Of(StatisticsMonth.Parse(c.Month)) <= lastYear).ToList();
        var first = departures.Count == 0 ? (YearMonth?)null : departures.Min(c => StatisticsMonth.Parse(c.Month));
        var months = first is { } start ? StatisticsMonth.Range(start, through).Select(StatisticsMonth.Format).ToList() : [];
        var years = outcomes.Select(c => FiscalYear.Of(StatisticsMonth.Parse(c.Month))).Distinct().ToList();
        var yearNames = years.Count == 0 ? [] : Enumerable.Range(years.Min(), lastYear - years.Min() + 1).Select(y => FiscalYear.Name(new YearMonth(y, 9))).ToList();
        return new ReleaseTables(
            StatisticsMonth.Format(through),
            first is { } f ? StatisticsMonth.Format(f) : null,
            FiscalYear.Name(new YearMonth(lastYear, 9)),
            [.. StatisticsDimensions.Departures.Select(by => DepartureTableOf(by, months, departures))],
            [.. StatisticsDimensions.Outcomes.Select(by => OutcomeTableOf(by, yearNames, outcomes))]);
    }

    private static DepartureTable DepartureTableOf(string by, List<string> months, List<DepartureCell> cells)
    {
        var values = ValuesOf(by, cells.Select(c => StatisticsDimensions.ValueOf(c, by)));
        if (by == "month")
        {
            values = months;
        }

        var atoms = new List<MonthAtom>();
        foreach (var monthCells in cells.GroupBy(c => c.Month).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = monthCells.GroupBy(c => StatisticsDimensions.ValueOf(c, by))
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
            var keys = values.Where(counts.ContainsKey).ToList();
            var column = keys.Select(k => counts[k]).ToList();
            var status = ComplementarySuppression.Protect(column, keys);
            atoms.AddRange(keys.Select((k, i) => new MonthAtom(monthCells.Key, k, column[i], status[i])));
        }

        return new DepartureTable(by, values, atoms);
    }

    private static OutcomeTable OutcomeTableOf(string by, List<string> years, List<OutcomeCell> cells)
    {
        var values = by == "year" ? years : ValuesOf(by, cells.Select(c => StatisticsDimensions.ValueOf(c, by)));
        var atoms = new List<YearAtom>();
        foreach (var yearCells in cells.GroupBy(c => FiscalYear.Name(StatisticsMonth.Parse(c.Month))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = yearCells.GroupBy(c => StatisticsDimensions.ValueOf(c, by))
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
            var keys = values.Where(counts.ContainsKey).ToList();
            var column = keys.Select(k => counts[k]).ToList();
            var status = ComplementarySuppression.Protect(column, keys);
            atoms.AddRange(keys.Select((k, i) => new YearAtom(yearCells.Key, k, column[i], status[i])));
        }

        return new OutcomeTable(by, values, atoms);
    }

    private static List<string> ValuesOf(string by, IEnumerable<string> counted) =>
        [.. (StatisticsDimensions.FixedValues.TryGetValue(by, out var fixedValues) ? counted.Concat(fixedValues) : counted)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Json);

    public static ReleaseTables FromJson(string json) =>
        JsonSerializer.Deserialize<ReleaseTables>(json, Json) ?? throw new JsonException("A release's tables are missing.");
}
