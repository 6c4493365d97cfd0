using System.Data.Common;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using NodaTime.Text;

namespace Docket.Store.Events;

/// <summary>Reads the log: one case's stream, or everything in position order.</summary>
public sealed class EventReader(DocketDatabase database)
{
    private readonly FoldedStates folded = new();

    /// <summary>The state one case's stream (as read, not empty) folds to; a fold is reused while the stream's events are unchanged.</summary>
    public CaseState Fold(IReadOnlyList<EventRow> rows) => folded.Fold(rows);

    /// <summary>
    /// One case's events in version order. Every case read and every append starts here, so it is
    /// a plain command and reader: through EF Core, translating the query, materialising the
    /// entities and setting up the context cost more CPU than the database's own work.
    /// </summary>
    public async Task<IReadOnlyList<EventRow>> ReadStreamAsync(string aNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RowColumns} FROM events WHERE a_number = @a ORDER BY version";
        Audit.Sql.Add(command, "@a", aNumber);
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Row(reader, aNumber));
        }

        return rows;
    }

    /// <summary>Every event in position order, streamed: memory stays flat however long the log.</summary>
    public async IAsyncEnumerable<EventRow> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A plain reader, like ReadStreamAsync: `docket export` needs nothing else from EF Core.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RowColumns}, a_number FROM events ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Row(reader, reader.GetString(9));
        }
    }

    private const string RowColumns = "position, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash";

    // The columns of RowColumns, in order; the case's A-number is given (a stream's is known).
    private static EventRow Row(DbDataReader reader, string aNumber) => new()
    {
        Position = reader.GetInt64(0),
        ANumber = aNumber,
        Version = reader.GetInt32(1),
        Type = reader.GetString(2),
        EffectiveOn = reader.GetString(3),
        RecordedAt = reader.GetString(4),
        RecordedBy = reader.GetString(5),
        Payload = reader.GetString(6),
        PrevHash = (byte[])reader.GetValue(7),
        Hash = (byte[])reader.GetValue(8),
    };

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Audit.Sql.WholeLogRead(connection, null, "SELECT COUNT(*) FROM events");
        return await Audit.Sql.LongAsync(command, cancellationToken);
    }

    /// <summary>Turns stored rows back into domain events (the payloads were validated when written).</summary>
    public static IEnumerable<CaseEvent> ToDomain(IEnumerable<EventRow> rows) => rows.Select(row =>
    {
        var on = LocalDatePattern.Iso.Parse(row.EffectiveOn).GetValueOrThrow();
        var parsed = EventJson.ParsePayload(row.Type, on, row.Payload);
        return parsed.Event ?? throw new InvalidDataException(
            $"Event {row.ANumber} v{row.Version} (position {row.Position}) no longer parses: {string.Join("; ", parsed.Errors)}");
    });
}
