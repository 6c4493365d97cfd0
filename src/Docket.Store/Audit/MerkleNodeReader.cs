using System.Data.Common;
using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>Reads stored Merkle nodes by their (level, index), a handful at a time: one query per proof.</summary>
internal static class MerkleNodeReader
{
    public static async Task<Dictionary<MerkleNodeId, byte[]>> ReadAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<MerkleNodeId> ids, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<MerkleNodeId, byte[]>(ids.Count);
        if (ids.Count == 0)
        {
            return nodes;
        }

        await using var command = Sql.Command(connection, transaction, Query(ids, out var parameters));
        foreach (var (name, value) in parameters)
        {
            Sql.Add(command, "@" + name, value!);
        }

        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                Found(reader, nodes);
            }
        }

        if (Missing(ids, nodes) is { } missing)
        {
            throw new TamperedLogException($"The stored Merkle tree lacks {missing}: merkle_nodes was changed outside Docket. Run `docket verify`.");
        }

        return nodes;
    }

    /// <summary>The same read among a transaction's other reads; the caller checks <see cref="Missing"/>.</summary>
    public static void AddTo(Queries queries, IReadOnlyCollection<MerkleNodeId> ids, Dictionary<MerkleNodeId, byte[]> nodes)
    {
        if (ids.Count > 0)
        {
            queries.Add(Query(ids, out var parameters), row => Found(row, nodes), parameters);
        }
    }

    public static MerkleNodeId? Missing(IEnumerable<MerkleNodeId> ids, Dictionary<MerkleNodeId, byte[]> nodes) =>
        ids.Where(id => !nodes.ContainsKey(id)).Select(id => (MerkleNodeId?)id).FirstOrDefault();

    private static void Found(DbDataReader row, Dictionary<MerkleNodeId, byte[]> nodes) =>
        nodes[new MerkleNodeId(row.GetInt32(0), row.GetInt64(1))] = (byte[])row.GetValue(2);

    private static string Query(IReadOnlyCollection<MerkleNodeId> ids, out (string Name, object? Value)[] parameters)
    {
        var conditions = new List<string>(ids.Count);
        var values = new List<(string, object?)>(2 * ids.Count);
        var i = 0;
        foreach (var id in ids)
        {
            conditions.Add($"(level = @l{i} AND \"index\" = @i{i})");
            values.Add(($"l{i}", id.Level));
            values.Add(($"i{i}", id.Index));
            i++;
        }

        parameters = [.. values];
        return "SELECT level, \"index\", hash FROM merkle_nodes WHERE " + string.Join(" OR ", conditions);
    }
}
