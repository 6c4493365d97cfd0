using System.Data.Common;
using Docket.Domain.Audit;
using Docket.Store.Audit;
using Docket.Store.Statistics;

namespace Docket.Store.Events;

/// <summary>
/// What the event writer reads under the write lock before it writes a batch: where the log ends,
/// the heads of the batch's cases it does not hold, the Merkle tree's size and its right edge
/// where the writer expects the log to end, and what counting the statistics needs. On PostgreSQL
/// all of it, with the writer's lock taken first, is one round trip (<see cref="Queries"/>).
/// The writer's guesses (the heads it holds, the log's end at its last commit) are only used when
/// the log still ends there; otherwise the heads are read again and the tree is extended the
/// careful way (<see cref="MerkleNodeWriter.ExtendAsync"/>), which also finds a tampered tree.
/// </summary>
internal sealed class BatchReads
{
    private BatchReads(long logEnd, Dictionary<string, (int Version, byte[] Hash)> heads, MerkleFrontier? frontier, CountedByTheWriter.Reading? statistics)
    {
        LogEnd = logEnd;
        Heads = heads;
        Frontier = frontier;
        Statistics = statistics;
    }

    public long LogEnd { get; }

    public Dictionary<string, (int Version, byte[] Hash)> Heads { get; }

    /// <summary>The tree's right edge when it is level with the log as the writer expected; null otherwise.</summary>
    public MerkleFrontier? Frontier { get; }

    /// <summary>Null when no request of the batch brought its statistics.</summary>
    public CountedByTheWriter.Reading? Statistics { get; }

    public static async Task<BatchReads> ReadAsync(
        DbConnection connection, DbTransaction transaction, StreamHeads streamHeads, IReadOnlyList<string> aNumbers, IReadOnlyList<string> statisticsOf)
    {
        var postgres = connection is Npgsql.NpgsqlConnection;
        var queries = new Queries();
        if (postgres)
        {
            queries.Add(Sql.TakeWriterLock, _ => { });
        }

        long logEnd = -1, treeSize = -1;
        queries.Add("SELECT COALESCE(MAX(position), 0) FROM events", row => logEnd = row.GetInt64(0));
        var expected = streamHeads.LogEnd;
        var misses = new List<string>();
        var heads = streamHeads.Known(aNumbers, misses);
        StreamHeads.AddLookup(queries, postgres, misses, heads);
        queries.Add(MerkleNodeWriter.SizeQuery, row => treeSize = row.GetInt64(0));
        var edgeIds = expected > 0 ? MerkleFrontier.EdgeOf(expected) : [];
        var edge = new Dictionary<MerkleNodeId, byte[]>(edgeIds.Count);
        MerkleNodeReader.AddTo(queries, edgeIds, edge);
        var statistics = statisticsOf.Count > 0 ? CountedByTheWriter.AddReads(queries, postgres, statisticsOf) : null;
        await queries.ExecuteAsync(connection, transaction, CancellationToken.None);

        // Heads held from before are stale if anyone else wrote since; those just looked up are not.
        var stale = logEnd != expected && heads.Count > misses.Count;
        streamHeads.Validate(logEnd);
        if (stale)
        {
            heads = await streamHeads.LoadAsync(connection, transaction, aNumbers);
        }

        var level = expected > 0 && logEnd == expected && treeSize == logEnd && MerkleNodeReader.Missing(edgeIds, edge) is null;
        var frontier = level ? new MerkleFrontier(logEnd, [.. edgeIds.Select(id => edge[id])]) : null;
        return new BatchReads(logEnd, heads, frontier, statistics);
    }
}
