using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Store.Faults;

/// <summary>
/// The one place that knows which driver failures mean "the database is unavailable" (full,
/// read-only, unreachable, timed out) rather than a bug: the web host answers those 503, and the
/// health check names them. Callers never see the drivers' exception types.
/// </summary>
public static class DatabaseFailures
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// What <paramref name="exception"/> (or an exception inside it: EF Core and the writers
    /// wrap the driver's) says about the database, or null when it is not an unavailable database.
    /// </summary>
    public static DatabaseUnavailable? Classify(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                // A request the caller gave up on is not an outage (Npgsql wraps its own cancel in it).
                case OperationCanceledException:
                    return null;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Classify).FirstOrDefault(c => c is not null);
                case SqliteException sqlite when Sqlite(sqlite.SqliteErrorCode & 0xFF) is { } found:
                    return found;
                case PostgresException postgres:
                    return Postgres(postgres.SqlState);
                case NpgsqlException npgsql:
                    // Every Npgsql failure that is not the server's answer is about the connection.
                    return npgsql.InnerException is TimeoutException
                        ? new(UnavailableCause.TimedOut, "the database did not answer in time")
                        : new(UnavailableCause.Unreachable, "the database cannot be reached");
                case TimeoutException:
                    return new(UnavailableCause.TimedOut, "the database did not answer in time");
                case SocketException:
                    return new(UnavailableCause.Unreachable, "the database cannot be reached");
            }
        }

        return null;
    }

    private static DatabaseUnavailable? Sqlite(int code) => code switch
    {
        SqliteFull => new(UnavailableCause.DiskFull, "the database disk is full"),
        SqliteReadOnly => new(UnavailableCause.ReadOnly, "the database is read-only (its file or file system cannot be written)"),
        SqliteCannotOpen => new(UnavailableCause.CannotOpen, "the database file cannot be opened"),
        SqliteIoError => new(UnavailableCause.StorageError, "the disk under the database failed to read or write"),
        SqliteCorrupt or SqliteNotADatabase => new(UnavailableCause.Damaged, "the database file is damaged"),
        SqliteBusy or SqliteLocked => new(UnavailableCause.Busy, "the database is busy (its write lock was held too long)"),
        _ => null,
    };

    // SQLSTATE classes: https://www.postgresql.org/docs/current/errcodes-appendix.html
    private static DatabaseUnavailable? Postgres(string state) => state switch
    {
        "53100" => new(UnavailableCause.DiskFull, "the database disk is full"),
        "53300" => new(UnavailableCause.Busy, "the database has no free connection slots"),
        "25006" => new(UnavailableCause.ReadOnly, "the database is read-only (a standby, or set read-only)"),
        "57014" => new(UnavailableCause.TimedOut, "the database did not answer in time"),
        "57P01" or "57P02" or "57P03" => new(UnavailableCause.Unreachable, "the database cannot be reached (it is shutting down or starting)"),
        _ when state.StartsWith("08", StringComparison.Ordinal) => new(UnavailableCause.Unreachable, "the database cannot be reached"),
        _ when state.StartsWith("58", StringComparison.Ordinal) => new(UnavailableCause.StorageError, "the disk under the database failed to read or write"),
        _ => null,
    };
}
