using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>Reads the <c>checkpoints</c> table (append-only; written only by <see cref="CheckpointIssuer"/>).</summary>
public sealed class CheckpointStore(DocketDatabase database)
{
    // Plain commands, not EF Core: `docket verify` reads checkpoints and nothing else through a
    // context, and building the model for it was most of the command's start-up.
    private const string Columns = "SELECT id, tree_size, root_hash, issued_at, signature FROM checkpoints";

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await Sql.LongAsync(connection, null, "SELECT COUNT(*) FROM checkpoints", cancellationToken);
    }

    public async Task<CheckpointRow?> LatestAsync(CancellationToken cancellationToken = default) =>
        OneOrNone(await QueryAsync($"{Columns} ORDER BY id DESC LIMIT 1", [], cancellationToken));

    public async Task<CheckpointRow?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        OneOrNone(await QueryAsync($"{Columns} WHERE id = @id", [("@id", id)], cancellationToken));

    private static CheckpointRow? OneOrNone(IReadOnlyList<CheckpointRow> rows) => rows.Count == 0 ? null : rows[0];

    /// <summary>Checkpoints in the order they were issued, after <paramref name="afterId"/>, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<CheckpointRow>> ListAsync(long afterId = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default) =>
        QueryAsync($"{Columns} WHERE id > @after ORDER BY id LIMIT @limit", [("@after", afterId), ("@limit", (long)limit)], cancellationToken);

    private async Task<IReadOnlyList<CheckpointRow>> QueryAsync(string text, (string Name, long Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, text);
        foreach (var (name, value) in parameters)
        {
            Sql.Add(command, name, value);
        }

        var rows = new List<CheckpointRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CheckpointRow
            {
                Id = reader.GetInt64(0),
                TreeSize = reader.GetInt64(1),
                RootHash = (byte[])reader.GetValue(2),
                IssuedAt = reader.GetString(3),
                Signature = reader.GetString(4),
            });
        }

        return rows;
    }

    /// <summary>The latest checkpoints first, before <paramref name="beforeId"/> when given, at most <paramref name="limit"/> (the auditors' page).</summary>
    public Task<IReadOnlyList<CheckpointRow>> NewestAsync(long? beforeId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"{Columns} WHERE id < @before ORDER BY id DESC LIMIT @limit", [("@before", beforeId ?? long.MaxValue), ("@limit", Math.Clamp(limit, 1, 1000))], cancellationToken);
}

public static class CheckpointRows
{
    public static SignedCheckpoint ToSigned(this CheckpointRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SignedCheckpoint(row.TreeSize, row.RootHash, row.IssuedAt, row.Signature);
    }
}
