using System.Data.Common;
using System.Globalization;

namespace Docket.Store.Audit;

/// <summary>Small ADO.NET helpers for the audit code, which works on the writer's own connection and transaction.</summary>
internal static class Sql
{
    /// <summary>The event writer's PostgreSQL advisory lock: whoever holds it is the only writer of events and nodes.</summary>
    public const long WriterLock = 7140541;

    /// <summary>Waits for <see cref="WriterLock"/>, held until the transaction ends.</summary>
    public static readonly string TakeWriterLock = $"SELECT pg_advisory_xact_lock({WriterLock})";

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    /// <summary>
    /// A command of a read over the whole log (verification, its count of events): without a
    /// command timeout. Such a read may have to wait behind a lock (an administrator's, a
    /// migration's) and on a large log runs for minutes; a 30-second timeout turned that into a
    /// failed verification. The caller's cancellation token is what stops it.
    /// </summary>
    public static DbCommand WholeLogRead(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = Command(connection, transaction, text);
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>
    /// Sets the value of a command's parameter, adding it the first time. A command run once a
    /// row keeps its parameter objects and rebinds their values: Npgsql keeps binding the objects
    /// a command was prepared with (npgsql/npgsql#3850), so clearing and adding parameters again
    /// made an automatically prepared command write an earlier row's values.
    /// </summary>
    public static void Set(DbCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            Add(command, name, value);
        }
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// A prepared single-row INSERT whose parameters are rebound for each row, in the order of
    /// <paramref name="parameterNames"/>: on SQLite, in-process, the fastest way to write a batch.
    /// </summary>
    public static async Task<(DbCommand Command, DbParameter[] Parameters)> PreparedInsertAsync(
        DbConnection connection, DbTransaction transaction, string table, string columns, IReadOnlyList<string> parameterNames, CancellationToken cancellationToken = default)
    {
        var command = Command(connection, transaction, $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", parameterNames)})");
        var parameters = parameterNames.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        return (command, parameters);
    }

    public static async Task<long> LongAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, text);
        return await LongAsync(command, cancellationToken);
    }

    public static async Task<long> LongAsync(DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>Opens a transaction that excludes every other writer of the log (SQLite's BEGIN IMMEDIATE; the advisory lock on PostgreSQL).</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DocketDatabase database, DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.IsPostgres)
        {
            await using var command = Command(connection, transaction, TakeWriterLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return transaction;
    }
}
