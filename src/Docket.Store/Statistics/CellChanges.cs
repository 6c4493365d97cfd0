using Docket.Domain.Statistics;

namespace Docket.Store.Statistics;

/// <summary>What a step of the projection adds to and takes from each cell: the new contributions less the old.</summary>
internal sealed class CellChanges
{
    private readonly Dictionary<DepartureFact, long> departures = [];
    private readonly Dictionary<OutcomeFact, long> outcomes = [];

    public static CellChanges Between(IReadOnlyDictionary<string, CaseContribution> before, IReadOnlyDictionary<string, CaseContribution> after)
    {
        var changes = new CellChanges();
        foreach (var contribution in before.Values)
        {
            changes.Add(contribution, -1);
        }

        foreach (var contribution in after.Values)
        {
            changes.Add(contribution, +1);
        }

        return changes;
    }

    private void Add(CaseContribution contribution, int sign)
    {
        if (contribution.Departure is { } departure)
        {
            departures[departure] = departures.GetValueOrDefault(departure) + sign;
        }

        foreach (var outcome in contribution.Outcomes)
        {
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + sign;
        }
    }

    /// <summary>Adds each cell's change, and the removal of cells it emptied, to a transaction's statements.</summary>
    public void AddTo(Statements statements)
    {
        foreach (var (cell, delta) in departures.Where(d => d.Value != 0))
        {
            statements.Add(
                """
                INSERT INTO stats_departure_cells (month, country, kind, source, count) VALUES (@m, @c, @k, @s, @n)
                ON CONFLICT (month, country, kind, source) DO UPDATE SET count = stats_departure_cells.count + excluded.count
                """,
                ("m", cell.Month), ("c", cell.Country), ("k", cell.Kind), ("s", cell.Source), ("n", delta));
        }

        foreach (var (cell, delta) in outcomes.Where(d => d.Value != 0))
        {
            statements.Add(
                """
                INSERT INTO stats_outcome_cells (month, court, relief, representation, in_absentia, count) VALUES (@m, @c, @r, @p, @i, @n)
                ON CONFLICT (month, court, relief, representation, in_absentia) DO UPDATE SET count = stats_outcome_cells.count + excluded.count
                """,
                ("m", cell.Month), ("c", cell.Court), ("r", cell.Relief), ("p", cell.Representation), ("i", cell.InAbsentia), ("n", delta));
        }

        // A cell emptied by a correction goes, so the cells equal a rebuild's exactly (only a step
        // that took something out can empty one).
        if (departures.Values.Any(d => d < 0) || outcomes.Values.Any(d => d < 0))
        {
            statements.Add("DELETE FROM stats_departure_cells WHERE count = 0");
            statements.Add("DELETE FROM stats_outcome_cells WHERE count = 0");
        }
    }
}
