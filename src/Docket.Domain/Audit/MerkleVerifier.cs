namespace Docket.Domain.Audit;

/// <summary>
/// The client side of RFC 9162: checking an inclusion proof (§2.1.3.2) and a consistency proof
/// (§2.1.4.2). Both take the root(s) as arguments and the caller must pass roots it already
/// trusts (from a checkpoint whose signature it checked with a key it holds), never a root the
/// server sent alongside the proof: a lying server can always make up a root that fits its own
/// proof (the lesson of immudb's CVE-2022-36111).
/// </summary>
public static class MerkleVerifier
{
    /// <summary>True when <paramref name="path"/> proves the leaf with <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="trustedRoot"/>.</summary>
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> trustedRoot)
    {
        if (index < 0 || index >= treeSize || leafHash.Length != MerkleHash.Length || trustedRoot.Length != MerkleHash.Length || !AllHashes(path))
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && MerkleHash.AreEqual(r, trustedRoot);
    }

    /// <summary>True when <paramref name="proof"/> shows the tree with <paramref name="firstRoot"/> is a prefix of the tree with <paramref name="secondRoot"/>.</summary>
    public static bool VerifyConsistency(long firstSize, long secondSize, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (firstSize < 0 || secondSize < firstSize || !AllHashes(proof) || firstRoot.Length != MerkleHash.Length || secondRoot.Length != MerkleHash.Length)
        {
            return false;
        }

        if (firstSize == secondSize)
        {
            return proof.Count == 0 && MerkleHash.AreEqual(firstRoot, secondRoot);
        }

        if (firstSize == 0)
        {
            // The empty tree is a prefix of every tree; there is nothing to prove.
            return proof.Count == 0;
        }

        // 1. An empty proof fails. 2. When the first tree is a complete subtree its root starts the path.
        if (proof.Count == 0)
        {
            return false;
        }

        var path = (firstSize & (firstSize - 1)) == 0 ? [firstRoot.ToArray(), .. proof] : proof.ToList();

        // 3-4. Walk up from the last leaf of the first tree past the levels where it is a right child.
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5-6. Rebuild both roots at once.
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // 7. Both roots must match and the walk must have reached the top.
        return sn == 0 && MerkleHash.AreEqual(fr, firstRoot) && MerkleHash.AreEqual(sr, secondRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> hashes) => hashes.All(h => h is { Length: MerkleHash.Length });
}
