namespace Docket.Domain.Statistics;

/// <summary>The note of changes a release carries: what it adds to the one before and which published months it revises.</summary>
public static class ReleaseNote
{
    public static string Between(ReleaseTables? previous, ReleaseTables next)
    {
        if (previous is null)
        {
            return $"First release, through {next.ThroughMonth}.";
        }

        var notes = new List<string>();
        if (string.CompareOrdinal(next.ThroughMonth, previous.ThroughMonth) > 0)
        {
            notes.Add($"Adds the months after {previous.ThroughMonth} through {next.ThroughMonth}.");
        }

        var revised = next.Departures.SelectMany(t => t.Atoms).Concat(previous.Departures.SelectMany(t => t.Atoms))
            .Where(a => string.CompareOrdinal(a.Month, previous.ThroughMonth) <= 0)
            .Select(a => a.Month)
            .Distinct(StringComparer.Ordinal)
            .Where(month => !Atoms(previous, month).SequenceEqual(Atoms(next, month)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (revised.Count > 0)
        {
            notes.Add($"Revises departures of {string.Join(", ", revised)} (verifications recorded late, or corrections).");
        }

        if (next.LastFiscalYear != previous.LastFiscalYear)
        {
            notes.Add($"Outcomes now run through {next.LastFiscalYear}.");
        }

        var revisedYears = next.Outcomes.SelectMany(t => t.Atoms).Concat(previous.Outcomes.SelectMany(t => t.Atoms))
            .Where(a => string.CompareOrdinal(a.Year, previous.LastFiscalYear) <= 0)
            .Select(a => a.Year)
            .Distinct(StringComparer.Ordinal)
            .Where(year => !YearAtoms(previous, year).SequenceEqual(YearAtoms(next, year)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (revisedYears.Count > 0)
        {
            notes.Add($"Revises outcomes of {string.Join(", ", revisedYears)} (decisions recorded late, or corrections).");
        }

        return notes.Count == 0 ? $"Reissue of the figures through {next.ThroughMonth}; no figure changed." : string.Join(" ", notes);
    }

    private static IEnumerable<MonthAtom> Atoms(ReleaseTables tables, string month) =>
        tables.Departures.SelectMany(t => t.Atoms.Select(a => (t.By, a))).Where(x => x.a.Month == month).Select(x => x.a with { Value = x.By + ":" + x.a.Value });

    private static IEnumerable<YearAtom> YearAtoms(ReleaseTables tables, string year) =>
        tables.Outcomes.SelectMany(t => t.Atoms.Select(a => (t.By, a))).Where(x => x.a.Year == year).Select(x => x.a with { Value = x.By + ":" + x.a.Value });
}
