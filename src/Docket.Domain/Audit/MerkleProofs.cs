namespace Docket.Domain.Audit;

/// <summary>
/// Which subtree hashes make up a proof, as RFC 9162 defines them: the inclusion proof
/// PATH(m, D[n]) of §2.1.3.1 and the consistency proof PROOF(m, D[n]) of §2.1.4.1. Each proof
/// element is a <see cref="MerkleRange"/>; resolve them with <see cref="Resolve"/> against any
/// source of complete-subtree hashes (stored nodes, or an in-memory tree).
/// </summary>
public static class MerkleProofs
{
    /// <summary>The audit path for leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves, leaf to root.</summary>
    public static IReadOnlyList<MerkleRange> InclusionPath(long index, long size)
    {
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size} leaves.");
        }

        var path = new List<MerkleRange>();
        Path(index, 0, size, path);
        return path;
    }

    /// <summary>The proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<MerkleRange> ConsistencyPath(long oldSize, long newSize)
    {
        if (oldSize < 1 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"A consistency proof needs 0 < from <= to, not from {oldSize} to {newSize}.");
        }

        var proof = new List<MerkleRange>();
        if (oldSize < newSize)
        {
            SubProof(oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    /// <summary>The hashes of the proof elements, in order.</summary>
    public static IReadOnlyList<byte[]> Resolve(IReadOnlyList<MerkleRange> ranges, Func<MerkleNodeId, byte[]> node) =>
        ranges.Select(r => r.Hash(node)).ToList();

    /// <summary>Every stored node the ranges need, to fetch them in one read.</summary>
    public static IReadOnlySet<MerkleNodeId> NodesFor(IEnumerable<MerkleRange> ranges) =>
        ranges.SelectMany(r => r.Subtrees()).ToHashSet();

    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n &gt; 1): where the RFC splits a tree.</summary>
    public static long Split(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
    private static void Path(long m, long start, long end, List<MerkleRange> path)
    {
        var n = end - start;
        if (n <= 1)
        {
            return;
        }

        var k = Split(n);
        if (m - start < k)
        {
            Path(m, start, start + k, path);
            path.Add(new MerkleRange(start + k, end));
        }
        else
        {
            Path(m, start + k, end, path);
            path.Add(new MerkleRange(start, start + k));
        }
    }

    // SUBPROOF(m, D[n], b): [] or [MTH(D[n])] when m == n; else split at k and recurse into the
    // side that holds the old tree's edge, adding the other side's hash.
    private static void SubProof(long m, long start, long end, bool wholeOldTree, List<MerkleRange> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!wholeOldTree)
            {
                proof.Add(new MerkleRange(start, end));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, wholeOldTree, proof);
            proof.Add(new MerkleRange(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(new MerkleRange(start, start + k));
        }
    }
}
