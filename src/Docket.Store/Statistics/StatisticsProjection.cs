using System.Data;
using System.Data.Common;
using Docket.Domain.Calendar;
using Docket.Domain.Statistics;
using Docket.Store.Cases;
using Docket.Store.Events;
using Microsoft.Data.Sqlite;
using Sql = Docket.Store.Audit.Sql;

namespace Docket.Store.Statistics;

/// <summary>
/// The statistics cells, kept up with the log by catching up: each step reads the events after
/// the position it reached, refolds the cases they belong to, takes each case's previous
/// contribution out of the cells and puts the new one in, and moves the position, in one
/// transaction. Every writer of the log (the API, an import, another process) is covered, and
/// answers read the cells, never the log. The lag is the number of events not yet counted.
/// </summary>
public sealed class StatisticsProjection(DocketDatabase database, CourtCalendar calendar)
{
    /// <summary>The PostgreSQL advisory lock held by whoever moves the projection (SQLite's write lock does the same there).</summary>
    public const long ProjectionLock = 7140542;

    private const int EventsPerStep = 5000;
    private const int CasesPerQuery = 500;

    // A case appended to again and again is refolded at every step: only its new events are parsed.
    private readonly FoldedStates folded = new();

    /// <summary>Catches up with the whole log as it is now; answers the position reached.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var step = await StepAsync(cancellationToken);
            if (step is { } reached)
            {
                if (reached.Done)
                {
                    return reached.Position;
                }
            }
        }
    }

    /// <summary>How many events of the log the cells do not count yet.</summary>
    public async Task<ProjectionLag> LagAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var logEnd = await Sql.LongAsync(connection, null, "SELECT COALESCE(MAX(position), 0) FROM events", cancellationToken);
        var position = await PositionAsync(connection, null, cancellationToken);
        return new ProjectionLag(position, logEnd);
    }

    /// <summary>Forgets every cell and counts the whole log again (<c>docket stats rebuild</c>).</summary>
    public async Task<long> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var turn = await database.TakeWriteTurnAsync(cancellationToken))
        await using (var transaction = await BeginAsync(connection, cancellationToken))
        {
            foreach (var table in new[] { "stats_departure_cells", "stats_outcome_cells", "stats_case_contributions", "stats_position" })
            {
                await using var command = Sql.Command(connection, transaction, $"DELETE FROM {table}");
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return await CatchUpAsync(cancellationToken);
    }

    /// <summary>Every non-zero cell and the position they count to, read as one snapshot.</summary>
    public async Task<ProjectionSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var position = await PositionAsync(connection, transaction, cancellationToken);
        var departures = new List<DepartureCell>();
        await using (var command = Sql.Command(connection, transaction, "SELECT month, country, kind, source, count FROM stats_departure_cells WHERE count <> 0 ORDER BY month, country, kind, source"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                departures.Add(new DepartureCell(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }
        }

        var outcomes = new List<OutcomeCell>();
        await using (var command = Sql.Command(connection, transaction, "SELECT month, court, relief, representation, in_absentia, count FROM stats_outcome_cells WHERE count <> 0 ORDER BY month, court, relief, representation, in_absentia"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                outcomes.Add(new OutcomeCell(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProjectionSnapshot(position, departures, outcomes);
    }

    /// <summary>Verified departures counted so far in one month, nationally (the live figure).</summary>
    public async Task<long> DeparturesInAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT COALESCE(SUM(count), 0) FROM stats_departure_cells WHERE month = @m");
        Sql.Add(command, "@m", month);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One step: null when another process moved the projection meanwhile (try again).</summary>
    private async Task<(long Position, bool Done)?> StepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var from = await PositionAsync(connection, null, cancellationToken);
        var (end, cases) = await ChangedCasesAsync(connection, from, cancellationToken);
        if (cases.Count == 0)
        {
            return (from, true);
        }

        // The reading and folding happen outside the write lock; the position check below
        // makes sure nobody moved the projection in between.
        var after = new Dictionary<string, CaseContribution>(StringComparer.Ordinal);
        var before = new Dictionary<string, CaseContribution>(StringComparer.Ordinal);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in cases.Chunk(CasesPerQuery))
        {
            foreach (var stream in (await StreamsAsync(connection, chunk, end, cancellationToken)).GroupBy(r => r.ANumber))
            {
                var state = folded.Fold([.. stream]);
                after[stream.Key] = CaseContribution.Of(state, calendar);
            }

            foreach (var (aNumber, facts) in await ContributionsAsync(connection, chunk, cancellationToken))
            {
                before[aNumber] = ContributionText.Read(facts);
                stored[aNumber] = facts;
            }
        }

        var changes = CellChanges.Between(before, after);
        await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var transaction = await BeginAsync(connection, cancellationToken);
        if (await PositionAsync(connection, transaction, cancellationToken) != from)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await changes.ApplyAsync(connection, transaction, cancellationToken);
        await SaveContributionsAsync(connection, transaction, cases, stored, after, cancellationToken);
        await using (var command = Sql.Command(connection, transaction, "INSERT INTO stats_position (id, position) VALUES (1, @p) ON CONFLICT (id) DO UPDATE SET position = excluded.position"))
        {
            Sql.Add(command, "@p", end);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (end, false);
    }

    private async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE takes the database's write lock. PostgreSQL: the projection's own lock.
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.IsPostgres)
        {
            await using var command = Sql.Command(connection, transaction, $"SELECT pg_advisory_xact_lock({ProjectionLock})");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return transaction;
    }

    private static async Task<long> PositionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await Sql.LongAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM stats_position", cancellationToken);

    private static async Task<(long End, List<string> Cases)> ChangedCasesAsync(DbConnection connection, long from, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "SELECT a_number, MAX(position) FROM events WHERE position > @from AND position <= @to GROUP BY a_number");
        Sql.Add(command, "@from", from);
        Sql.Add(command, "@to", from + EventsPerStep);
        var cases = new List<string>();
        var end = from;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(reader.GetString(0));
            end = Math.Max(end, reader.GetInt64(1));
        }

        cases.Sort(StringComparer.Ordinal);
        return (end, cases);
    }

    private static async Task<List<EventRow>> StreamsAsync(DbConnection connection, string[] cases, long end, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "");
        command.CommandText = $"SELECT a_number, version, position, type, effective_on, payload FROM events WHERE position <= @end AND a_number IN ({InList(command, cases)}) ORDER BY a_number, version";
        Sql.Add(command, "@end", end);
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EventRow
            {
                ANumber = reader.GetString(0),
                Version = reader.GetInt32(1),
                Position = reader.GetInt64(2),
                Type = reader.GetString(3),
                EffectiveOn = reader.GetString(4),
                Payload = reader.GetString(5),
                RecordedAt = "",
                RecordedBy = "",
                PrevHash = [],
                Hash = [],
            });
        }

        return rows;
    }

    private static async Task<List<(string ANumber, string Facts)>> ContributionsAsync(DbConnection connection, string[] cases, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "");
        command.CommandText = $"SELECT a_number, facts FROM stats_case_contributions WHERE a_number IN ({InList(command, cases)})";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>
    /// Writes each case's contribution where it changed. Most events (an address, a hearing
    /// scheduled) change no statistics fact, and rewriting every case of a step kept SQLite's one
    /// write lock, which the event writer waits for, several times longer.
    /// </summary>
    private static async Task SaveContributionsAsync(
        DbConnection connection, DbTransaction transaction, List<string> cases, Dictionary<string, string> stored, Dictionary<string, CaseContribution> after, CancellationToken cancellationToken)
    {
        await using var save = Sql.Command(connection, transaction, "INSERT INTO stats_case_contributions (a_number, facts) VALUES (@a, @f) ON CONFLICT (a_number) DO UPDATE SET facts = excluded.facts");
        await using var forget = Sql.Command(connection, transaction, "DELETE FROM stats_case_contributions WHERE a_number = @a");
        foreach (var aNumber in cases)
        {
            var facts = after.TryGetValue(aNumber, out var contribution) ? ContributionText.Write(contribution) : "";
            if (facts == stored.GetValueOrDefault(aNumber, ""))
            {
                continue;
            }

            var command = facts.Length == 0 ? forget : save;
            command.Parameters.Clear();
            Sql.Add(command, "@a", aNumber);
            if (facts.Length > 0)
            {
                Sql.Add(command, "@f", facts);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string InList(DbCommand command, string[] values)
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = $"@c{i}";
            Sql.Add(command, names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}

/// <summary>How far the projection has counted, and where the log ends.</summary>
public sealed record ProjectionLag(long Position, long LogEnd)
{
    public long Events => LogEnd - Position;
}

/// <summary>The projection's cells at one position of the log.</summary>
public sealed record ProjectionSnapshot(long Position, IReadOnlyList<DepartureCell> Departures, IReadOnlyList<OutcomeCell> Outcomes);
