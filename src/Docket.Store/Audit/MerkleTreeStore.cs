using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>The RFC 9162 audit path of leaf <see cref="LeafIndex"/> (the event at position index + 1) in a tree of <see cref="TreeSize"/> leaves.</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<byte[]> AuditPath);

/// <summary>
/// The log's Merkle tree as stored in <c>merkle_nodes</c>: its size, roots and proofs. Each
/// answer reads only the O(log n) complete subtrees it needs, in one query, never the events.
/// Stored nodes are never trusted by a verifier; they only make proofs cheap to produce.
/// </summary>
public sealed class MerkleTreeStore(DocketDatabase database)
{
    /// <summary>How many events have their leaf (and every completed parent) stored.</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await MerkleNodeWriter.SizeAsync(connection, null, cancellationToken);
    }

    /// <summary>MTH over the first <paramref name="treeSize"/> events.</summary>
    public async Task<byte[]> RootAsync(long treeSize, CancellationToken cancellationToken = default)
    {
        if (treeSize == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        var range = new MerkleRange(0, treeSize);
        var nodes = await ReadAsync(treeSize, range.Subtrees(), cancellationToken);
        return range.Hash(id => nodes[id]);
    }

    /// <summary>The proof that the event at <paramref name="position"/> is in the tree of <paramref name="treeSize"/> events.</summary>
    public async Task<InclusionProof> InclusionProofAsync(long position, long treeSize, CancellationToken cancellationToken = default)
    {
        var path = MerkleProofs.InclusionPath(position - 1, treeSize);
        var nodes = await ReadAsync(treeSize, [.. MerkleProofs.NodesFor(path)], cancellationToken);
        return new InclusionProof(position - 1, treeSize, MerkleProofs.Resolve(path, id => nodes[id]));
    }

    /// <summary>The proof that the tree of <paramref name="fromSize"/> events is a prefix of the tree of <paramref name="toSize"/>.</summary>
    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        var path = MerkleProofs.ConsistencyPath(fromSize, toSize);
        var nodes = await ReadAsync(toSize, [.. MerkleProofs.NodesFor(path)], cancellationToken);
        return MerkleProofs.Resolve(path, id => nodes[id]);
    }

    private async Task<Dictionary<MerkleNodeId, byte[]>> ReadAsync(long treeSize, IReadOnlyCollection<MerkleNodeId> ids, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var size = await MerkleNodeWriter.SizeAsync(connection, null, cancellationToken);
        if (treeSize > size)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), $"The tree holds {size} events; there is no tree of {treeSize}.");
        }

        return await MerkleNodeReader.ReadAsync(connection, null, ids, cancellationToken);
    }
}
