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

    public async Task<Dictionary<string, (int Version, byte[] Hash)>> LoadAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> aNumbers)
    {
        var heads = new Dictionary<string, (int Version, byte[] Hash)>(StringComparer.Ordinal);
        var misses = new List<string>();
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

        foreach (var chunk in misses.Chunk(LookupChunk))
        {
            await using var command = LookupCommand(connection, transaction, chunk);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                heads[reader.GetString(0)] = (reader.GetInt32(1), (byte[])reader.GetValue(2));
            }
        }

        return heads;
    }

    /// <summary>
    /// The last event of each case named, found through the (a_number, version) index one case
    /// at a time, so the lookup costs the same whatever the size of the log.
    /// </summary>
    private static DbCommand LookupCommand(DbConnection connection, DbTransaction transaction, string[] aNumbers)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (connection is Npgsql.NpgsqlConnection)
        {
            command.CommandText = """
                SELECT a.a_number, e.version, e.hash FROM unnest(@a) AS a(a_number)
                CROSS JOIN LATERAL (SELECT version, hash FROM events WHERE a_number = a.a_number ORDER BY version DESC LIMIT 1) e
                """;
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string[]>("@a", aNumbers));
            return command;
        }

        // SQLite takes the bare columns of a MAX() aggregate from the row that has the maximum.
        var names = new List<string>(aNumbers.Length);
        for (var i = 0; i < aNumbers.Length; i++)
        {
            names.Add($"@a{i}");
            Audit.Sql.Add(command, names[i], aNumbers[i]);
        }

        command.CommandText = $"SELECT a_number, MAX(version), hash FROM events WHERE a_number IN ({string.Join(',', names)}) GROUP BY a_number";
        return command;
    }
}
