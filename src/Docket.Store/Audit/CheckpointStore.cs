using Docket.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Audit;

/// <summary>Reads the <c>checkpoints</c> table (append-only; written only by <see cref="CheckpointIssuer"/>).</summary>
public sealed class CheckpointStore(DocketDatabase database)
{
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Checkpoints.LongCountAsync(cancellationToken);
    }

    public async Task<CheckpointRow?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Checkpoints.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<CheckpointRow?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Checkpoints in the order they were issued, after <paramref name="afterId"/>, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CheckpointRow>> ListAsync(long afterId = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Checkpoints.AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The latest checkpoints first, before <paramref name="beforeId"/> when given, at most <paramref name="limit"/> (the auditors' page).</summary>
    public async Task<IReadOnlyList<CheckpointRow>> NewestAsync(long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = context.Checkpoints.AsNoTracking();
        if (beforeId is { } before)
        {
            rows = rows.Where(c => c.Id < before);
        }

        return await rows.OrderByDescending(c => c.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
    }
}

public static class CheckpointRows
{
    public static SignedCheckpoint ToSigned(this CheckpointRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SignedCheckpoint(row.TreeSize, row.RootHash, row.IssuedAt, row.Signature);
    }
}
