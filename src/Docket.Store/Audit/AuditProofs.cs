using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Audit;

/// <summary>An event as a proof needs it: where it is in the log and the hash its leaf is made from.</summary>
public sealed record ProvableEvent(long Position, byte[] Hash);

/// <summary>The tree a proof is asked against: its size, and how many events the stored tree holds now.</summary>
public sealed record ProofTree(long Size, long Stored)
{
    /// <summary>A tree of no events, or of more events than are stored, has no proofs.</summary>
    public bool Exists => Size >= 1 && Size <= Stored;
}

/// <summary>
/// What the proof endpoints look up before a proof is built: the event to prove and the tree to
/// prove it in. Without a tree size a proof is for the latest checkpoint, the head a client can
/// check a signature on; with no checkpoint yet, for the whole stored tree.
/// </summary>
public sealed class AuditProofs(DocketDatabase database, MerkleTreeStore tree, CheckpointStore checkpoints)
{
    /// <summary>The event of case <paramref name="aNumber"/> (9 digits) at <paramref name="version"/>, if there is one.</summary>
    public async Task<ProvableEvent?> FindEventAsync(string aNumber, int version, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Events.AsNoTracking()
            .Where(e => e.ANumber == aNumber && e.Version == version)
            .Select(e => new ProvableEvent(e.Position, e.Hash))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The tree of <paramref name="asked"/> events, or by default the latest checkpoint's (else the stored tree's).</summary>
    public async Task<ProofTree> TreeAsync(long? asked, CancellationToken cancellationToken = default)
    {
        var stored = await tree.SizeAsync(cancellationToken);
        var size = asked ?? (await checkpoints.LatestAsync(cancellationToken))?.TreeSize ?? stored;
        return new ProofTree(size, stored);
    }
}
