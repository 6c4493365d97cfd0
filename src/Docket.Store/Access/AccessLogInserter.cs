using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Docket.Store.Access;

/// <summary>
/// Writes a batch of access-log entries in one transaction, the way <see cref="Events.EventRowInserter"/>
/// writes events: binary COPY on PostgreSQL, one prepared INSERT rebound per row on SQLite. EF Core's
/// change tracking cost more CPU than the rows (a page of My work logs about a hundred reads), and the
/// log's single writer loop is what every read of a case waits on.
/// </summary>
internal static class AccessLogInserter
{
    private const string Columns = "at, user_name, role, office, a_number, purpose, break_glass, reason, outcome";

    private static readonly string[] ParameterNames = ["$at", "$u", "$r", "$o", "$a", "$p", "$b", "$re", "$out"];

    public static async Task InsertAsync(DocketDatabase database, IReadOnlyList<AccessLogRow> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (connection is NpgsqlConnection postgres)
        {
            // One COPY is one statement: all of the batch or none of it, without a transaction around it.
            await CopyAsync(postgres, rows, cancellationToken);
            return;
        }

        await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertEachAsync(connection, transaction, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<AccessLogRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY access_log ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.At, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.UserName, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Role, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, r.Office, cancellationToken);
            await copy.WriteAsync(r.ANumber, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Purpose, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.BreakGlass, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(copy, r.Reason, cancellationToken);
            await copy.WriteAsync(r.Outcome, NpgsqlDbType.Varchar, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    private static async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AccessLogRow> rows, CancellationToken cancellationToken)
    {
        var prepared = await Audit.Sql.PreparedInsertAsync(connection, transaction, "access_log", Columns, ParameterNames, cancellationToken);
        await using var command = prepared.Command;
        var parameters = prepared.Parameters;
        foreach (var r in rows)
        {
            parameters[0].Value = r.At;
            parameters[1].Value = r.UserName;
            parameters[2].Value = r.Role;
            parameters[3].Value = (object?)r.Office ?? DBNull.Value;
            parameters[4].Value = r.ANumber;
            parameters[5].Value = r.Purpose;
            parameters[6].Value = r.BreakGlass;
            parameters[7].Value = (object?)r.Reason ?? DBNull.Value;
            parameters[8].Value = r.Outcome;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
