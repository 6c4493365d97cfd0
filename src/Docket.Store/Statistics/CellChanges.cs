using System.Data.Common;
using Docket.Domain.Statistics;
using Sql = Docket.Store.Audit.Sql;

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

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var command = Sql.Command(connection, transaction, """
            INSERT INTO stats_departure_cells (month, country, kind, source, count) VALUES (@m, @c, @k, @s, @n)
            ON CONFLICT (month, country, kind, source) DO UPDATE SET count = stats_departure_cells.count + excluded.count
            """))
        {
            foreach (var (cell, delta) in departures.Where(d => d.Value != 0))
            {
                Sql.Set(command, "@m", cell.Month);
                Sql.Set(command, "@c", cell.Country);
                Sql.Set(command, "@k", cell.Kind);
                Sql.Set(command, "@s", cell.Source);
                Sql.Set(command, "@n", delta);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var command = Sql.Command(connection, transaction, """
            INSERT INTO stats_outcome_cells (month, court, relief, representation, in_absentia, count) VALUES (@m, @c, @r, @p, @i, @n)
            ON CONFLICT (month, court, relief, representation, in_absentia) DO UPDATE SET count = stats_outcome_cells.count + excluded.count
            """))
        {
            foreach (var (cell, delta) in outcomes.Where(d => d.Value != 0))
            {
                Sql.Set(command, "@m", cell.Month);
                Sql.Set(command, "@c", cell.Court);
                Sql.Set(command, "@r", cell.Relief);
                Sql.Set(command, "@p", cell.Representation);
                Sql.Set(command, "@i", cell.InAbsentia);
                Sql.Set(command, "@n", delta);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // A cell emptied by a correction goes, so the cells equal a rebuild's exactly (only a step
        // that took something out can empty one).
        if (!departures.Values.Any(d => d < 0) && !outcomes.Values.Any(d => d < 0))
        {
            return;
        }

        foreach (var table in new[] { "stats_departure_cells", "stats_outcome_cells" })
        {
            await using var command = Sql.Command(connection, transaction, $"DELETE FROM {table} WHERE count = 0");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
