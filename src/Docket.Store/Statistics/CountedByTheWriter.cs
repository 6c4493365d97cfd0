using Docket.Domain.Statistics;

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
    /// Adds, among the writer's other reads, what it needs to count a batch of
    /// <paramref name="cases"/>: the projection's lock (on PostgreSQL, tried and never waited for:
    /// the writer already holds the writer's lock, and a projection step that holds its own may be
    /// waiting for that one), the position the cells count to, and the cases' stored contributions.
    /// </summary>
    public static Reading AddReads(Queries queries, bool postgres, IReadOnlyList<string> cases)
    {
        // SQLite: the writer's transaction holds the database's write lock, which the projection needs too.
        var reading = new Reading { Locked = !postgres };
        if (postgres)
        {
            queries.Add($"SELECT pg_try_advisory_xact_lock({StatisticsProjection.ProjectionLock})", row => reading.Locked = row.GetBoolean(0));
        }

        queries.Add(CaseContributions.PositionQuery, row => reading.Position = row.GetInt64(0));
        CaseContributions.AddRead(queries, cases, reading.Stored);
        return reading;
    }

    /// <summary>
    /// Adds the writes that count the batch moving the log from <paramref name="logSizeBefore"/>
    /// to <paramref name="logSizeAfter"/>, given each appended case's contribution after it; false
    /// when it left the batch to the projection.
    /// </summary>
    public static bool TryCount(Reading reading, long logSizeBefore, long logSizeAfter, IReadOnlyDictionary<string, CaseContribution> after, Statements writes)
    {
        // Only when the cells count exactly the log before this batch: then they count exactly
        // the log after it.
        if (!reading.Locked || reading.Position != logSizeBefore)
        {
            return false;
        }

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = new Dictionary<string, CaseContribution>(StringComparer.Ordinal);
        foreach (var (aNumber, facts) in reading.Stored.Where(s => after.ContainsKey(s.ANumber)))
        {
            stored[aNumber] = facts;
            before[aNumber] = ContributionText.Read(facts);
        }

        CaseContributions.AddCounted(writes, before, after, after.Keys, stored, logSizeAfter);
        return true;
    }

    /// <summary>What the writer read of the statistics under its lock.</summary>
    public sealed class Reading
    {
        public bool Locked { get; set; }

        public long Position { get; set; } = -1;

        public List<(string ANumber, string Facts)> Stored { get; } = [];
    }
}
