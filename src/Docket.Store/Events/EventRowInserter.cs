using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Docket.Store.Events;

/// <summary>
/// Inserts event rows inside the writer's transaction, the fastest way each database offers:
/// PostgreSQL takes a few in one statement with the batch's other writes and many by binary COPY; SQLite by one prepared single-row INSERT, rebound
/// for every row (a statement with thousands of named parameters costs SQLite more to bind
/// than the rows cost to write).
/// </summary>
internal static class EventRowInserter
{
    private const string Columns = "position, a_number, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash";
    private static readonly string[] ParameterNames = ["$p", "$a", "$v", "$t", "$o", "$ra", "$rb", "$pl", "$ph", "$h"];

    /// <summary>
    /// Writes <paramref name="rows"/> now, or on PostgreSQL, when they are few, adds them to the
    /// caller's other writes (<paramref name="later"/>), to go in the same round trip.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<EventRow> rows, Statements? later = null)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (connection is not NpgsqlConnection postgres)
        {
            return InsertEachAsync(connection, transaction, rows);
        }

        if (later is null || rows.Count > Statements.RowsInOneStatement)
        {
            return CopyAsync(postgres, rows);
        }

        later.Add(
            $"INSERT INTO events ({Columns}) SELECT * FROM unnest(@p, @a, @v, @t, @o, @ra, @rb, @pl, @ph, @h)",
            ("p", rows.Select(r => r.Position).ToArray()),
            ("a", rows.Select(r => r.ANumber).ToArray()),
            ("v", rows.Select(r => r.Version).ToArray()),
            ("t", rows.Select(r => r.Type).ToArray()),
            ("o", rows.Select(r => r.EffectiveOn).ToArray()),
            ("ra", rows.Select(r => r.RecordedAt).ToArray()),
            ("rb", rows.Select(r => r.RecordedBy).ToArray()),
            ("pl", rows.Select(r => r.Payload).ToArray()),
            ("ph", rows.Select(r => r.PrevHash).ToArray()),
            ("h", rows.Select(r => r.Hash).ToArray()));
        return Task.CompletedTask;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<EventRow> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY events ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.Position, NpgsqlDbType.Bigint);
            await copy.WriteAsync(r.ANumber, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Version, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Type, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.EffectiveOn, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.RecordedAt, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.RecordedBy, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Payload, NpgsqlDbType.Text);
            await copy.WriteAsync(r.PrevHash, NpgsqlDbType.Bytea);
            await copy.WriteAsync(r.Hash, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    private static async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<EventRow> rows)
    {
        var prepared = await Audit.Sql.PreparedInsertAsync(connection, transaction, "events", Columns, ParameterNames);
        await using var command = prepared.Command;
        var parameters = prepared.Parameters;
        foreach (var r in rows)
        {
            parameters[0].Value = r.Position;
            parameters[1].Value = r.ANumber;
            parameters[2].Value = r.Version;
            parameters[3].Value = r.Type;
            parameters[4].Value = r.EffectiveOn;
            parameters[5].Value = r.RecordedAt;
            parameters[6].Value = r.RecordedBy;
            parameters[7].Value = r.Payload;
            parameters[8].Value = r.PrevHash;
            parameters[9].Value = r.Hash;
            await command.ExecuteNonQueryAsync();
        }
    }
}
