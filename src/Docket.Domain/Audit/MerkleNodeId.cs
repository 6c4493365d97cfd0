namespace Docket.Domain.Audit;

/// <summary>
/// A complete subtree of the log's Merkle tree: at <see cref="Level"/> k, number
/// <see cref="Index"/> i, covering leaves [i * 2^k, (i + 1) * 2^k). Level 0 are the leaves.
/// Once its last leaf exists such a node never changes, which is why it can be stored.
/// </summary>
public readonly record struct MerkleNodeId(int Level, long Index)
{
    public long Start => Index << Level;

    public long End => (Index + 1) << Level;

    public override string ToString() => $"node (level {Level}, index {Index})";
}

/// <summary>A stored node: its place and its hash.</summary>
public sealed record MerkleNode(MerkleNodeId Id, byte[] Hash);
