using System.Data.Common;
using Docket.Domain.Statistics;
using Sql = Docket.Store.Audit.Sql;

namespace Docket.Store.Statistics;

/// <summary>
/// The event writer counting the statistics of the events it commits, in the same transaction,
/// when the projection is level with the log (issue 13: the write path with statistics kept
/// should lose no more than a tenth of its speed). The projection's own catch-up reads every new
/// event's case back from the log and folds it again, and on SQLite its write shares the one
/// write lock with the appends; here the command side has just folded the case, so counting it
/// costs one read of the stored contributions and, only when a fact changed, a few cell updates.
/// Whatever the writer cannot count (an import, a batch with a request that brings no
/// contribution, a projection behind the log or busy) it leaves to the projection, which then
/// catches up as before: the cells are the same either way.
/// </summary>
internal static class CountedByTheWriter
{
    /// <summary>
    /// Counts the batch that moves the log from <paramref name="logSizeBefore"/> to
    /// <paramref name="logSizeAfter"/>, given each appended case's contribution after it; false
    /// when it left the batch to the projection.
    /// </summary>
    public static async Task<bool> TryCountAsync(
        DocketDatabase database, DbConnection connection, DbTransaction transaction, long logSizeBefore, long logSizeAfter, IReadOnlyDictionary<string, CaseContribution> after)
    {
        if (database.IsPostgres)
        {
            // The projection's lock, tried and never waited for: the writer already holds the
            // writer's lock, and a projection step that holds its own may be waiting for that one.
            await using var command = Sql.Command(connection, transaction, $"SELECT pg_try_advisory_xact_lock({StatisticsProjection.ProjectionLock})");
            if (await command.ExecuteScalarAsync() is not true)
            {
                return false;
            }
        }

        // Only when the cells count exactly the log before this batch: then they count exactly
        // the log after it. (SQLite: the writer's transaction holds the database's write lock.)
        if (await CaseContributions.PositionAsync(connection, transaction, CancellationToken.None) != logSizeBefore)
        {
            return false;
        }

        var cases = after.Keys.ToList();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = new Dictionary<string, CaseContribution>(StringComparer.Ordinal);
        foreach (var (aNumber, facts) in await CaseContributions.ReadAsync(connection, transaction, cases, CancellationToken.None))
        {
            stored[aNumber] = facts;
            before[aNumber] = ContributionText.Read(facts);
        }

        await CellChanges.Between(before, after).ApplyAsync(connection, transaction, CancellationToken.None);
        await CaseContributions.SaveAsync(connection, transaction, cases, stored, after, CancellationToken.None);
        await CaseContributions.MoveAsync(connection, transaction, logSizeAfter, CancellationToken.None);
        return true;
    }
}
