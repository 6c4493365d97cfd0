using Docket.Domain.Events;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Docket.Store.Events;

/// <summary>Reads the log: one case's stream, or everything in position order.</summary>
public sealed class EventReader(DocketDatabase database)
{
    public async Task<IReadOnlyList<EventRow>> ReadStreamAsync(string aNumber, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Events.AsNoTracking()
            .Where(e => e.ANumber == aNumber)
            .OrderBy(e => e.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every event in position order, streamed: memory stays flat however long the log.</summary>
    public async IAsyncEnumerable<EventRow> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await foreach (var row in context.Events.AsNoTracking().OrderBy(e => e.Position).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Events.LongCountAsync(cancellationToken);
    }

    /// <summary>Turns stored rows back into domain events (the payloads were validated when written).</summary>
    public static IEnumerable<CaseEvent> ToDomain(IEnumerable<EventRow> rows) => rows.Select(row =>
    {
        var on = LocalDatePattern.Iso.Parse(row.EffectiveOn).GetValueOrThrow();
        var parsed = EventJson.ParsePayload(row.Type, on, row.Payload);
        return parsed.Event ?? throw new InvalidDataException(
            $"Event {row.ANumber} v{row.Version} (position {row.Position}) no longer parses: {string.Join("; ", parsed.Errors)}");
    });
}
