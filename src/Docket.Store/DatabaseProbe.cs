using Docket.Store.Faults;
using Microsoft.Data.Sqlite;

namespace Docket.Store;

/// <summary>What a probe of the database found: whether it can serve, and a line for an operator.</summary>
public sealed record DatabaseProbeResult(bool Reachable, string Description);

/// <summary>
/// Asks the database a trivial question, for health checks: a connection opens and a query
/// returns, and (SQLite) the disk under the file has room to write. It never throws for an
/// unavailable database; that is the answer it reports.
/// </summary>
public sealed class DatabaseProbe(DocketDatabase database)
{
    /// <summary>
    /// Less free space than this next to a SQLite file is a full disk: a query still answers,
    /// but a write (an event, or the access-log entry every read needs) would fail.
    /// </summary>
    public const long MinimumFreeBytes = 1024 * 1024;

    public async Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var provider = database.Target.Provider;
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            database.ForgetConnections();
            return new DatabaseProbeResult(false, DatabaseFailures.Classify(ex) is { Cause: not UnavailableCause.Unreachable } unavailable
                ? $"{provider} unavailable: {unavailable.Description} ({ex.Message})"
                : $"{provider} unreachable: {ex.Message}");
        }

        if (!database.IsPostgres && FreeBytesNextToFile() is { } free && free < MinimumFreeBytes)
        {
            return new DatabaseProbeResult(false, $"{provider} unavailable: the database disk is full ({free / 1024} KiB free next to the file)");
        }

        return new DatabaseProbeResult(true, $"{provider} reachable");
    }

    /// <summary>Free bytes on the file system that holds the SQLite file, or null when that cannot be told.</summary>
    private long? FreeBytesNextToFile()
    {
        try
        {
            var path = Path.GetFullPath(new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource);
            return new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
