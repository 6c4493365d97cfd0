using System.Data.Common;
using Docket.Domain.Audit;
using Docket.Store.Events;

namespace Docket.Store.Audit;

/// <summary>
/// Keeps <c>merkle_nodes</c> in step with <c>events</c>, inside the transaction that appends the
/// events: each new event's leaf and every parent it completes, in batched inserts. Only the
/// tree's right edge (at most 64 nodes) is read, never the log. Because nodes and events commit
/// together, a checkpoint can always cover exactly the events that exist. Any code that inserts
/// events (the writer, an importer) calls <see cref="ExtendAsync"/> in its own transaction.
/// </summary>
public static class MerkleNodeWriter
{
    private const int CatchUpChunk = 5000;

    /// <summary>
    /// Extends the tree from its current size to <paramref name="logSizeBefore"/> plus
    /// <paramref name="appended"/> (already inserted, positions following on). Events the tree
    /// lacks (a log written before the tree existed) are read and added first.
    /// </summary>
    public static async Task ExtendAsync(DbConnection connection, DbTransaction transaction, long logSizeBefore, IReadOnlyList<EventRow> appended, CancellationToken cancellationToken = default)
    {
        var treeSize = await SizeAsync(connection, transaction, cancellationToken);
        if (treeSize > logSizeBefore)
        {
            // Refuse rather than paper over it: a new event would get the position (and the leaf) of a removed one.
            throw new TamperedLogException(
                $"The Merkle tree has leaves for {treeSize} events but the log holds only {logSizeBefore}: events were removed outside Docket. "
                + "Nothing was written; run `docket verify`.");
        }

        var frontier = await LoadFrontierAsync(connection, transaction, treeSize, cancellationToken);
        var completed = new List<MerkleNode>();
        while (frontier.Size < logSizeBefore)
        {
            var chunk = await ReadHashesAsync(connection, transaction, frontier.Size, Math.Min(logSizeBefore, frontier.Size + CatchUpChunk), cancellationToken);
            foreach (var (position, hash) in chunk)
            {
                AppendLeaf(frontier, position, hash, completed);
            }

            if (chunk.Count == 0)
            {
                throw new TamperedLogException($"The event at position {frontier.Size + 1} is missing: events were removed outside Docket. Run `docket verify`.");
            }

            await InsertAsync(connection, transaction, completed, null, cancellationToken);
            completed.Clear();
        }

        await InsertAsync(connection, transaction, Extend(frontier, appended), null, cancellationToken);
    }

    /// <summary>
    /// The nodes that <paramref name="appended"/> complete, the frontier of the tree before them
    /// moving on with them: for a caller that read the frontier itself and inserts the nodes with
    /// its other writes.
    /// </summary>
    internal static List<MerkleNode> Extend(MerkleFrontier frontier, IReadOnlyList<EventRow> appended)
    {
        var completed = new List<MerkleNode>(2 * appended.Count);
        foreach (var row in appended)
        {
            AppendLeaf(frontier, row.Position, row.Hash, completed);
        }

        return completed;
    }

    /// <summary>The tree's size: one more than the index of its last leaf.</summary>
    internal const string SizeQuery = "SELECT COALESCE(MAX(\"index\") + 1, 0) FROM merkle_nodes WHERE level = 0";

    internal static Task<long> SizeAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.LongAsync(connection, transaction, SizeQuery, cancellationToken);

    /// <summary>The tree of <paramref name="size"/> leaves, resumed from its stored right edge.</summary>
    internal static async Task<MerkleFrontier> LoadFrontierAsync(DbConnection connection, DbTransaction? transaction, long size, CancellationToken cancellationToken)
    {
        var ids = MerkleFrontier.EdgeOf(size);
        var nodes = await MerkleNodeReader.ReadAsync(connection, transaction, ids, cancellationToken);
        return new MerkleFrontier(size, ids.Select(id => nodes[id]).ToList());
    }

    private static void AppendLeaf(MerkleFrontier frontier, long position, byte[] eventHash, List<MerkleNode> completed)
    {
        if (position != frontier.Size + 1)
        {
            throw new TamperedLogException($"The event after position {frontier.Size} has position {position}: the log has a gap. Run `docket verify`.");
        }

        frontier.Append(MerkleHash.Leaf(eventHash), completed);
    }

    private static async Task<List<(long Position, byte[] Hash)>> ReadHashesAsync(DbConnection connection, DbTransaction transaction, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT position, hash FROM events WHERE position > @after AND position <= @upTo ORDER BY position");
        Sql.Add(command, "@after", after);
        Sql.Add(command, "@upTo", upTo);
        var rows = new List<(long, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    /// <summary>
    /// On PostgreSQL, a few nodes go with the caller's other writes (<paramref name="later"/>, one
    /// round trip for all) and many by binary COPY; on SQLite one prepared single-row INSERT
    /// (binding hundreds of named parameters costs SQLite more than the rows do), as the event
    /// rows are written.
    /// </summary>
    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, List<MerkleNode> nodes, Statements? later, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        if (connection is Npgsql.NpgsqlConnection && later is not null && nodes.Count <= Statements.RowsInOneStatement)
        {
            later.Add(
                "INSERT INTO merkle_nodes (level, \"index\", hash) SELECT * FROM unnest(@l, @i, @h)",
                ("l", nodes.Select(n => n.Id.Level).ToArray()), ("i", nodes.Select(n => n.Id.Index).ToArray()), ("h", nodes.Select(n => n.Hash).ToArray()));
            return;
        }

        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync("COPY merkle_nodes (level, \"index\", hash) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var node in nodes)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(node.Id.Level, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(node.Id.Index, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(node.Hash, NpgsqlTypes.NpgsqlDbType.Bytea, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        await using var command = Sql.Command(connection, transaction, "INSERT INTO merkle_nodes (level, \"index\", hash) VALUES (@l, @i, @h)");
        Sql.Add(command, "@l", 0);
        Sql.Add(command, "@i", 0L);
        Sql.Add(command, "@h", Array.Empty<byte>());
        await command.PrepareAsync(cancellationToken);
        foreach (var node in nodes)
        {
            command.Parameters[0].Value = node.Id.Level;
            command.Parameters[1].Value = node.Id.Index;
            command.Parameters[2].Value = node.Hash;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>The log was changed outside Docket in a way that makes writing on unsafe; nothing was written.</summary>
public sealed class TamperedLogException(string message) : InvalidOperationException(message);
