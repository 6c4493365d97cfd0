namespace Docket.Domain.Audit;

/// <summary>
/// The right edge of a growing Merkle tree (a "compact range" over [0, size)): one complete
/// subtree per set bit of the size, largest first. Appending a leaf completes at most log n
/// parents; the root folds the edge from the right. This is how the writer extends the stored
/// tree without reading it, and how <c>docket verify</c> recomputes roots in one pass with
/// O(log n) memory.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<MerkleNode> edge;

    public MerkleFrontier()
        : this(0, [])
    {
    }

    /// <summary>Resumes a tree of <paramref name="size"/> leaves from its edge nodes (<see cref="EdgeOf"/>, in that order).</summary>
    public MerkleFrontier(long size, IReadOnlyList<byte[]> edgeHashes)
    {
        var ids = EdgeOf(size);
        if (ids.Count != edgeHashes.Count)
        {
            throw new ArgumentException($"A tree of {size} leaves has {ids.Count} edge nodes, not {edgeHashes.Count}.", nameof(edgeHashes));
        }

        Size = size;
        edge = ids.Select((id, i) => new MerkleNode(id, edgeHashes[i])).ToList();
    }

    public long Size { get; private set; }

    /// <summary>The complete subtrees that make up [0, size), largest first.</summary>
    public static IReadOnlyList<MerkleNodeId> EdgeOf(long size) =>
        size == 0 ? [] : new MerkleRange(0, size).Subtrees();

    /// <summary>Adds the next leaf; every node it completes (the leaf itself first) goes to <paramref name="completed"/>.</summary>
    public void Append(byte[] leafHash, ICollection<MerkleNode>? completed = null)
    {
        var node = new MerkleNode(new MerkleNodeId(0, Size), leafHash);
        completed?.Add(node);
        while (edge.Count > 0 && edge[^1].Id.Level == node.Id.Level)
        {
            var left = edge[^1];
            edge.RemoveAt(edge.Count - 1);
            node = new MerkleNode(new MerkleNodeId(node.Id.Level + 1, node.Id.Index >> 1), MerkleHash.Node(left.Hash, node.Hash));
            completed?.Add(node);
        }

        edge.Add(node);
        Size++;
    }

    /// <summary>MTH over every leaf appended so far (RFC 9162 §2.1.1).</summary>
    public byte[] Root()
    {
        if (edge.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        var hash = edge[^1].Hash;
        for (var i = edge.Count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(edge[i].Hash, hash);
        }

        return hash;
    }
}
