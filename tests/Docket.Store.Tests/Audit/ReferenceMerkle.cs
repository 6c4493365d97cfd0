using System.Security.Cryptography;
using Docket.Domain.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// RFC 9162 §2.1 written out as literally as possible, over a list of leaf inputs in memory, with
/// its own hashing: the yardstick Docket's incremental, stored-node implementation is measured
/// against. Slow on purpose; nothing here is shared with the production code.
/// </summary>
internal static class ReferenceMerkle
{
    public static byte[] LeafHash(byte[] data) => SHA256.HashData([0x00, .. data]);

    private static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    /// <summary>MTH(D[n]) over leaf inputs.</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> d) => d.Count switch
    {
        0 => SHA256.HashData([]),
        1 => LeafHash(d[0]),
        _ => NodeHash(Mth(d.Take(K(d.Count)).ToList()), Mth(d.Skip(K(d.Count)).ToList())),
    };

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count <= 1)
        {
            return [];
        }

        var k = K(d.Count);
        var left = d.Take(k).ToList();
        var right = d.Skip(k).ToList();
        return m < k ? [.. Path(m, left), Mth(right)] : [.. Path(m - k, right), Mth(left)];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        if (m == d.Count)
        {
            return b ? [] : [Mth(d)];
        }

        var k = K(d.Count);
        var left = d.Take(k).ToList();
        var right = d.Skip(k).ToList();
        return m <= k ? [.. SubProof(m, left, b), Mth(right)] : [.. SubProof(m - k, right, false), Mth(left)];
    }

    /// <summary>Every complete subtree of the tree over these leaf hashes, as Docket stores them.</summary>
    public static Dictionary<MerkleNodeId, byte[]> AllNodes(IEnumerable<byte[]> leafHashes)
    {
        var frontier = new MerkleFrontier();
        var nodes = new List<MerkleNode>();
        foreach (var leaf in leafHashes)
        {
            frontier.Append(leaf, nodes);
        }

        return nodes.ToDictionary(n => n.Id, n => n.Hash);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
