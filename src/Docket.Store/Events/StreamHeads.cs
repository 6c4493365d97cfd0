using System.Data.Common;

namespace Docket.Store.Events;

/// <summary>
/// The last version and hash of each case the writer touches. Kept between batches, but
/// trusted only while nobody else has written: the writer checks, under the write lock, that
/// the log still ends where its own last commit left it, and forgets everything otherwise.
/// Cases not known are looked up together, one query for a whole batch.
/// </summary>
internal sealed class StreamHeads
{
    private const int MaxCached = 200_000;
    private const int LookupChunk = 500;
    private readonly Dictionary<string, (int Version, byte[] Hash)> cache = new(StringComparer.Ordinal);
    private long logEnd = -1;

    /// <summary>Called under the write lock with the log's current last position.</summary>
    public void Validate(long currentLogEnd)
    {
        if (currentLogEnd != logEnd || cache.Count > MaxCached)
        {
            cache.Clear();
        }
    }

    /// <summary>After a commit: remember the heads the batch wrote and where the log now ends.</summary>
    public void Committed(long newLogEnd, IEnumerable<KeyValuePair<string, (int Version, byte[] Hash)>> heads)
    {
        foreach (var (aNumber, head) in heads)
        {
            cache[aNumber] = head;
        }

        logEnd = newLogEnd;
    }

    public void Forget()
    {
        cache.Clear();
        logEnd = -1;
    }

    /// <summary>Where the log ended at this writer's last commit; -1 when it does not know.</summary>
    public long LogEnd => logEnd;

    /// <summary>
    /// The heads held of <paramref name="aNumbers"/>; a case not held starts at the genesis and is
    /// added to <paramref name="misses"/>, to be looked up (<see cref="AddLookup"/>).
    /// </summary>
    public Dictionary<string, (int Version, byte[] Hash)> Known(IEnumerable<string> aNumbers, List<string> misses)
    {
        var heads = new Dictionary<string, (int Version, byte[] Hash)>(StringComparer.Ordinal);
        foreach (var aNumber in aNumbers.Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(aNumber, out var head))
            {
                heads[aNumber] = head;
            }
            else
            {
                misses.Add(aNumber);
                heads[aNumber] = (0, EventHash.Genesis.ToArray());
            }
        }

        return heads;
    }

    /// <summary>All the heads of <paramref name="aNumbers"/>, from the cache and one lookup of the rest.</summary>
    public async Task<Dictionary<string, (int Version, byte[] Hash)>> LoadAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> aNumbers)
    {
        var misses = new List<string>();
        var heads = Known(aNumbers, misses);
        var lookup = new Queries();
        AddLookup(lookup, connection is Npgsql.NpgsqlConnection, misses, heads);
        await lookup.ExecuteAsync(connection, transaction, CancellationToken.None);
        return heads;
    }

    /// <summary>
    /// The last event of each case named, found through the (a_number, version) index one case
    /// at a time, so the lookup costs the same whatever the size of the log; written into
    /// <paramref name="heads"/> (a case with no event keeps the genesis).
    /// </summary>
    public static void AddLookup(Queries queries, bool postgres, IReadOnlyList<string> aNumbers, Dictionary<string, (int Version, byte[] Hash)> heads)
    {
        void Found(DbDataReader row) => heads[row.GetString(0)] = (row.GetInt32(1), (byte[])row.GetValue(2));
        if (aNumbers.Count == 0)
        {
            return;
        }

        if (postgres)
        {
            queries.Add(
                """
                SELECT a.a_number, e.version, e.hash FROM unnest(@a) AS a(a_number)
                CROSS JOIN LATERAL (SELECT version, hash FROM events WHERE a_number = a.a_number ORDER BY version DESC LIMIT 1) e
                """,
                Found,
                ("a", aNumbers.ToArray()));
            return;
        }

        // SQLite takes the bare columns of a MAX() aggregate from the row that has the maximum.
        foreach (var chunk in aNumbers.Chunk(LookupChunk))
        {
            var names = chunk.Select((_, i) => $"a{i}").ToArray();
            queries.Add(
                $"SELECT a_number, MAX(version), hash FROM events WHERE a_number IN ({string.Join(',', names.Select(n => "@" + n))}) GROUP BY a_number",
                Found,
                [.. chunk.Select((aNumber, i) => (names[i], (object?)aNumber))]);
        }
    }
}
