using System.Runtime.CompilerServices;
using Docket.Store.Events;

namespace Docket.Store.Audit;

/// <summary>An event with the leaf hash the tree recorded for its position when it was written (null if none).</summary>
internal sealed record LoggedEvent(EventRow Row, byte[]? StoredLeaf);

internal static class LoggedEvents
{
    /// <summary>
    /// Every event in position order with its stored leaf, in one statement so both come from the
    /// same snapshot while the server keeps writing; streamed, so memory stays flat.
    /// </summary>
    public static async IAsyncEnumerable<LoggedEvent> ReadAllAsync(DocketDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT e.position, e.a_number, e.version, e.type, e.effective_on, e.recorded_at, e.recorded_by, e.payload, e.prev_hash, e.hash, n.hash
            FROM events e LEFT JOIN merkle_nodes n ON n.level = 0 AND n."index" = e.position - 1
            ORDER BY e.position
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new EventRow
            {
                Position = reader.GetInt64(0),
                ANumber = reader.GetString(1),
                Version = reader.GetInt32(2),
                Type = reader.GetString(3),
                EffectiveOn = reader.GetString(4),
                RecordedAt = reader.GetString(5),
                RecordedBy = reader.GetString(6),
                Payload = reader.GetString(7),
                PrevHash = (byte[])reader.GetValue(8),
                Hash = (byte[])reader.GetValue(9),
            };
            yield return new LoggedEvent(row, await reader.IsDBNullAsync(10, cancellationToken) ? null : (byte[])reader.GetValue(10));
        }
    }
}
