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

    // What a step may still count under the write lock, where the appends wait for it.
    private const int EventsToClose = 500;

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
        var logEnd = await LogEndAsync(connection, null, cancellationToken);
        var position = await CaseContributions.PositionAsync(connection, null, cancellationToken);
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
        var position = await CaseContributions.PositionAsync(connection, transaction, cancellationToken);
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
        var from = await CaseContributions.PositionAsync(connection, null, cancellationToken);
        var (end, cases) = await ChangedCasesAsync(connection, null, from, from + EventsPerStep, cancellationToken);
        if (cases.Count == 0)
        {
            return (from, true);
        }

        // The reading and folding happen outside the write lock; the position check below
        // makes sure nobody moved the projection in between.
        var counted = new Counted();
        await counted.AddAsync(this, connection, null, cases, end, cancellationToken);
        await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var transaction = await BeginAsync(connection, cancellationToken);
        if (await CaseContributions.PositionAsync(connection, transaction, cancellationToken) != from)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        end = await CloseAsync(connection, transaction, counted, end, cancellationToken);
        var writes = new Statements();
        CaseContributions.AddCounted(writes, counted.Before, counted.After, counted.Cases, counted.Stored, end);
        await writes.ExecuteAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (end, false);
    }

    /// <summary>
    /// Counts, under the write lock, the few events appended since the step read the log, so the
    /// cells end level with it: from then on the event writer counts its own events as it commits
    /// them (<see cref="CountedByTheWriter"/>), which it does only when the cells are level. Under
    /// steady appends, a projection that always stopped where its read ended would stay a few
    /// events behind for good. Answers the position the step now reaches.
    /// </summary>
    private async Task<long> CloseAsync(DbConnection connection, DbTransaction transaction, Counted counted, long end, CancellationToken cancellationToken)
    {
        var logEnd = await LogEndAsync(connection, transaction, cancellationToken);
        if (logEnd == end || logEnd - end > EventsToClose)
        {
            return end;
        }

        if (database.IsPostgres)
        {
            // No event commits while this is held (SQLite's write lock, held already, does the same).
            // The writer never waits for the projection's lock, so waiting for the writer's here cannot deadlock.
            await using var command = Sql.Command(connection, transaction, $"SELECT pg_advisory_xact_lock({Sql.WriterLock})");
            await command.ExecuteNonQueryAsync(cancellationToken);
            logEnd = await LogEndAsync(connection, transaction, cancellationToken);
        }

        var (reached, cases) = await ChangedCasesAsync(connection, transaction, end, logEnd, cancellationToken);
        await counted.AddAsync(this, connection, transaction, cases, reached, cancellationToken);
        return Math.Max(end, reached);
    }

    private CaseContribution ContributionOf(IReadOnlyList<EventRow> stream) => CaseContribution.Of(folded.Fold(stream), calendar);

    private static async Task<long> LogEndAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await Sql.LongAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM events", cancellationToken);

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

    private static async Task<(long End, List<string> Cases)> ChangedCasesAsync(DbConnection connection, DbTransaction? transaction, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT a_number, MAX(position) FROM events WHERE position > @from AND position <= @to GROUP BY a_number");
        Sql.Add(command, "@from", from);
        Sql.Add(command, "@to", to);
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

    private static async Task<List<EventRow>> StreamsAsync(DbConnection connection, DbTransaction? transaction, string[] cases, long end, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "");
        command.CommandText = $"SELECT a_number, version, position, type, effective_on, payload FROM events WHERE position <= @end AND a_number IN ({CaseContributions.InList(command, cases)}) ORDER BY a_number, version";
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

    /// <summary>What a step counts: each case's contribution before (as stored) and after (folded from the log up to the step's end).</summary>
    private sealed class Counted
    {
        public SortedSet<string> Cases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, CaseContribution> After { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, CaseContribution> Before { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

        /// <summary>Folds <paramref name="cases"/> up to <paramref name="end"/> (a case counted already is folded again, further).</summary>
        public async Task AddAsync(StatisticsProjection projection, DbConnection connection, DbTransaction? transaction, List<string> cases, long end, CancellationToken cancellationToken)
        {
            foreach (var chunk in cases.Chunk(CasesPerQuery))
            {
                foreach (var stream in (await StreamsAsync(connection, transaction, chunk, end, cancellationToken)).GroupBy(r => r.ANumber))
                {
                    After[stream.Key] = projection.ContributionOf([.. stream]);
                }

                var unread = chunk.Where(Cases.Add).ToList();
                if (unread.Count == 0)
                {
                    continue;
                }

                foreach (var (aNumber, facts) in await CaseContributions.ReadAsync(connection, transaction, unread, cancellationToken))
                {
                    Before[aNumber] = ContributionText.Read(facts);
                    Stored[aNumber] = facts;
                }
            }
        }
    }
}

/// <summary>How far the projection has counted, and where the log ends.</summary>
public sealed record ProjectionLag(long Position, long LogEnd)
{
    public long Events => LogEnd - Position;
}

/// <summary>The projection's cells at one position of the log.</summary>
public sealed record ProjectionSnapshot(long Position, IReadOnlyList<DepartureCell> Departures, IReadOnlyList<OutcomeCell> Outcomes);
