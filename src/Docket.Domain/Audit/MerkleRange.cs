namespace Docket.Domain.Audit;

/// <summary>
/// A run of leaves [<see cref="Start"/>, <see cref="End"/>) whose RFC 9162 hash, MTH(D[start:end]),
/// appears in a proof. Every range the RFC's recursions produce starts on a boundary of its
/// largest power-of-two part, so its hash is a right fold over a few complete subtrees:
/// MTH = node(S1, node(S2, ... Sn)) for the subtrees S1 &gt; S2 &gt; ... of its binary decomposition.
/// That is what lets a proof be built from stored nodes in O(log n) reads.
/// </summary>
public readonly record struct MerkleRange(long Start, long End)
{
    public long Size => End - Start;

    /// <summary>The complete subtrees that make up this range, left to right (largest first).</summary>
    public IReadOnlyList<MerkleNodeId> Subtrees()
    {
        if (Start < 0 || End <= Start)
        {
            throw new ArgumentOutOfRangeException(nameof(End), $"[{Start}, {End}) is not a range of leaves.");
        }

        var nodes = new List<MerkleNodeId>();
        var at = Start;
        while (at < End)
        {
            var level = 63 - (int)long.LeadingZeroCount(End - at);
            if (at % (1L << level) != 0)
            {
                throw new ArgumentException($"[{Start}, {End}) is not a range the RFC 9162 recursion produces.");
            }

            nodes.Add(new MerkleNodeId(level, at >> level));
            at += 1L << level;
        }

        return nodes;
    }

    /// <summary>MTH(D[start:end]) from the complete subtrees, looked up with <paramref name="node"/>.</summary>
    public byte[] Hash(Func<MerkleNodeId, byte[]> node)
    {
        var parts = Subtrees();
        var hash = node(parts[^1]);
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(node(parts[i]), hash);
        }

        return hash;
    }
}
