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
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@a{i}";
                parameter.Value = chunk[i];
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            command.CommandText = $"""
                SELECT e.a_number, e.version, e.hash FROM events e
                JOIN (SELECT a_number, MAX(version) AS version FROM events WHERE a_number IN ({string.Join(',', names)}) GROUP BY a_number) last
                  ON e.a_number = last.a_number AND e.version = last.version
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                heads[reader.GetString(0)] = (reader.GetInt32(1), (byte[])reader.GetValue(2));
            }
        }

        return heads;
    }
}
