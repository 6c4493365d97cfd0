using Docket.Store;

namespace Docket.Bench;

/// <summary>
/// Lets the machine finish the work the import and the release left behind before the timed API
/// phases begin, so that the first timed round does not pay for it: the kernel writing back the
/// gigabytes just written, SQLite's WAL checkpoint, PostgreSQL's checkpoint and the vacuum and
/// statistics of freshly loaded tables (which autovacuum would otherwise start mid-phase).
/// </summary>
internal static class Settle
{
    public static async Task RunAsync(DocketDatabase database)
    {
        await using (var connection = await database.OpenConnectionAsync())
        {
            foreach (var sql in database.IsPostgres ? ["CHECKPOINT", "VACUUM (ANALYZE)"] : new[] { "PRAGMA wal_checkpoint(TRUNCATE)" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync();
            }
        }

        await ChildProcess.RunAsync("sync", []);
    }
}
