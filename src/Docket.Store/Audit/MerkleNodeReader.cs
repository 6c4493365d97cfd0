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

        await using var command = Sql.Command(connection, transaction, "");
        var conditions = new List<string>(ids.Count);
        var i = 0;
        foreach (var id in ids)
        {
            conditions.Add($"(level = @l{i} AND \"index\" = @i{i})");
            Sql.Add(command, $"@l{i}", id.Level);
            Sql.Add(command, $"@i{i}", id.Index);
            i++;
        }

        command.CommandText = "SELECT level, \"index\", hash FROM merkle_nodes WHERE " + string.Join(" OR ", conditions);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                nodes[new MerkleNodeId(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
            }
        }

        var missing = ids.FirstOrDefault(id => !nodes.ContainsKey(id));
        if (nodes.Count != ids.Count)
        {
            throw new TamperedLogException($"The stored Merkle tree lacks {missing}: merkle_nodes was changed outside Docket. Run `docket verify`.");
        }

        return nodes;
    }
}
