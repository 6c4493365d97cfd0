using NodaTime;

namespace Docket.Domain.Statistics;

/// <summary>The tables a release answers with, for any whole-month period: published figures only.</summary>
public static class ReleaseAnswers
{
    /// <summary>Departures of the months <paramref name="from"/> to <paramref name="to"/> by one table's values.</summary>
    public static IReadOnlyList<PublishedCell> Departures(ReleaseTables release, string by, YearMonth from, YearMonth to)
    {
        var table = release.Departures.Single(t => t.By == by);
        var months = release.Departures.Single(t => t.By == "month");
        var inPeriod = (MonthAtom atom) => StatisticsMonth.Parse(atom.Month) is var m && m >= from && m <= to;
        var totals = months.Atoms.Where(inPeriod).ToList();
        long? total = totals.All(a => a.Status == CellStatus.Published) ? totals.Sum(a => a.Count) : null;

        var values = by == "month"
            ? [.. StatisticsMonth.Range(from, to).Select(StatisticsMonth.Format)]
            : table.Values;
        var atoms = table.Atoms.Where(inPeriod).ToLookup(a => a.Value, StringComparer.Ordinal);
        return [.. values.Select(value => Cell(value, [.. atoms[value]], total))];
    }

    /// <summary>Judge's decisions of every complete fiscal year the release covers, by one table's values.</summary>
    public static IReadOnlyList<PublishedCell> Outcomes(ReleaseTables release, string by)
    {
        var table = release.Outcomes.Single(t => t.By == by);
        var years = release.Outcomes.Single(t => t.By == "year").Atoms;
        long? total = years.All(a => a.Status == CellStatus.Published) ? years.Sum(a => a.Count) : null;
        var atoms = table.Atoms.ToLookup(a => a.Value, StringComparer.Ordinal);
        return [.. table.Values.Select(value => Cell(value, [.. atoms[value].Select(a => new MonthAtom(a.Year, a.Value, a.Count, a.Status))], total))];
    }

    private static PublishedCell Cell(string value, IReadOnlyList<MonthAtom> atoms, long? total)
    {
        var count = atoms.Sum(a => a.Count);
        if (atoms.Any(a => a.Status != CellStatus.Published))
        {
            return new PublishedCell(value, null, DisclosureThresholds.IsSmall(count) ? CellStatus.Primary : CellStatus.Secondary, null);
        }

        double? rate = total is { } t && t >= DisclosureThresholds.SmallestRateDenominator
            ? Math.Round(100.0 * count / t, 1, MidpointRounding.AwayFromZero)
            : null;
        return new PublishedCell(value, count, CellStatus.Published, rate);
    }

    /// <summary>
    /// The live figure of a month not yet released: national only, rounded to the nearest 10,
    /// withheld below 11 (null).
    /// </summary>
    public static long? Live(long count) =>
        count <= DisclosureThresholds.LargestSmallCell
            ? null
            : (long)Math.Round(count / (double)DisclosureThresholds.LiveRounding, MidpointRounding.AwayFromZero) * DisclosureThresholds.LiveRounding;
}
