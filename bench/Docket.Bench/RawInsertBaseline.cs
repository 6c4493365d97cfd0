using System.Data.Common;
using System.Diagnostics;
using Docket.Store;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Bench;

/// <summary>
/// The baseline for import: the same event rows inserted with plain batched INSERTs (2,048 rows
/// a transaction, as the writer batches) into a bare table with no index, constraint or
/// trigger. What the database itself can take, with nothing of Docket's work. Two forms are
/// timed and the faster counts: multi-row statements of 200 rows, and (on SQLite, where binding
/// thousands of named parameters is slow) one prepared single-row INSERT rebound per row.
/// </summary>
internal static class RawInsertBaseline
{
    public static async Task<(long Rows, TimeSpan Elapsed)> RunAsync(DocketDatabase database, int sampleRows)
    {
        List<EventRow> rows;
        await using (var context = database.CreateContext())
        {
            rows = await context.Events.AsNoTracking().OrderBy(e => e.Position).Take(sampleRows).ToListAsync();
        }

        await using var connection = await database.OpenConnectionAsync();
        await ExecuteAsync(connection, null, "DROP TABLE IF EXISTS bench_raw");
        await ExecuteAsync(connection, null, database.IsPostgres
            ? "CREATE UNLOGGED TABLE bench_raw (position bigint, a_number text, version int, type text, effective_on text, recorded_at text, recorded_by text, payload text, prev_hash bytea, hash bytea)"
            : "CREATE TABLE bench_raw (position INTEGER, a_number TEXT, version INTEGER, type TEXT, effective_on TEXT, recorded_at TEXT, recorded_by TEXT, payload TEXT, prev_hash BLOB, hash BLOB)");
        if (database.IsPostgres)
        {
            // UNLOGGED would flatter the baseline; the events table is logged.
            await ExecuteAsync(connection, null, "ALTER TABLE bench_raw SET LOGGED");
        }

        var best = await TimeAsync(connection, rows, InsertAsync);
        if (!database.IsPostgres)
        {
            await ExecuteAsync(connection, null, "DELETE FROM bench_raw");
            var prepared = await TimeAsync(connection, rows, InsertEachAsync);
            best = prepared < best ? prepared : best;
        }

        await ExecuteAsync(connection, null, "DROP TABLE bench_raw");
        return (rows.Count, best);
    }

    private static async Task<TimeSpan> TimeAsync(DbConnection connection, List<EventRow> rows, Func<DbConnection, DbTransaction, EventRow[], Task> insert)
    {
        var watch = Stopwatch.StartNew();
        foreach (var transactionRows in rows.Chunk(2048))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var statementRows in transactionRows.Chunk(200))
            {
                await insert(connection, transaction, statementRows);
            }

            await transaction.CommitAsync();
        }

        return watch.Elapsed;
    }

    private static async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, EventRow[] rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO bench_raw VALUES (@p,@a,@v,@t,@o,@ra,@rb,@pl,@ph,@h)";
        foreach (var name in new[] { "@p", "@a", "@v", "@t", "@o", "@ra", "@rb", "@pl", "@ph", "@h" })
        {
            Add(command, name, DBNull.Value);
        }

        await command.PrepareAsync();
        foreach (var r in rows)
        {
            command.Parameters[0].Value = r.Position;
            command.Parameters[1].Value = r.ANumber;
            command.Parameters[2].Value = r.Version;
            command.Parameters[3].Value = r.Type;
            command.Parameters[4].Value = r.EffectiveOn;
            command.Parameters[5].Value = r.RecordedAt;
            command.Parameters[6].Value = r.RecordedBy;
            command.Parameters[7].Value = r.Payload;
            command.Parameters[8].Value = r.PrevHash;
            command.Parameters[9].Value = r.Hash;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, EventRow[] rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            values.Add($"(@p{i},@a{i},@v{i},@t{i},@o{i},@ra{i},@rb{i},@pl{i},@ph{i},@h{i})");
            Add(command, $"@p{i}", r.Position);
            Add(command, $"@a{i}", r.ANumber);
            Add(command, $"@v{i}", r.Version);
            Add(command, $"@t{i}", r.Type);
            Add(command, $"@o{i}", r.EffectiveOn);
            Add(command, $"@ra{i}", r.RecordedAt);
            Add(command, $"@rb{i}", r.RecordedBy);
            Add(command, $"@pl{i}", r.Payload);
            Add(command, $"@ph{i}", r.PrevHash);
            Add(command, $"@h{i}", r.Hash);
        }

        command.CommandText = "INSERT INTO bench_raw VALUES " + string.Join(',', values);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
