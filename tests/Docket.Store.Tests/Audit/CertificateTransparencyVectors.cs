using Docket.Domain.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// Docket's Merkle tree against the published reference vectors of Certificate Transparency
/// (RFC 6962/9162 trees, as kept in transparency-dev/merkle: testonly/constants.go,
/// proof/verify_test.go and compact/range_test.go's TestGetRootHashGolden).
/// </summary>
public sealed class CertificateTransparencyVectors
{
    /// <summary>The eight standard test leaves (hex).</summary>
    public static readonly string[] Leaves =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    /// <summary>The root of the tree over the first n leaves, n = 0..8.</summary>
    public static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// <summary>Inclusion proofs: (leaf index, tree size, path).</summary>
    public static readonly TheoryData<long, long, string[]> InclusionProofs = new()
    {
        { 0, 1, [] },
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    /// <summary>Consistency proofs: (old size, new size, proof).</summary>
    public static readonly TheoryData<long, long, string[]> ConsistencyProofs = new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    /// <summary>
    /// Roots of large trees whose leaf i is the two bytes (i &amp; 0xff, i &gt;&gt; 8 &amp; 0xff), base64
    /// (transparency-dev/merkle compact/range_test.go, TestGetRootHashGolden).
    /// </summary>
    public static readonly TheoryData<int, string> LargeRoots = new()
    {
        { 10, "VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4=" },
        { 15, "j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI=" },
        { 16, "c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE=" },
        { 100, "dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY=" },
        { 255, "SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0=" },
        { 256, "qFI0t/tZ1MdOYgyPpPzHFiZVw86koScXy9q3FU5casA=" },
        { 1000, "RXrgb8xHd55Y48FbfotJwCbV82Kx22LZfEbmBGAvwlQ=" },
        { 4095, "cWRFdQhPcjn9WyBXE/r1f04ejxIm5lvg40DEpRBVS0w=" },
        { 4096, "6uU/phfHg1n/GksYT6TO9aN8EauMCCJRl3dIK0HDs2M=" },
        { 10000, "VZcav65F9haHVRk3wre2axFoBXRNeUh/1d9d5FQfxIg=" },
        { 65535, "iPuVYJhP6SEE4gUFp8qbafd2rYv9YTCDYqAxCj8HdLM=" },
    };

    private static List<byte[]> LeafHashes(int count) =>
        Leaves.Take(count).Select(hex => MerkleHash.Leaf(Convert.FromHexString(hex))).ToList();

    private static Dictionary<MerkleNodeId, byte[]> Tree(int count) => ReferenceMerkle.AllNodes(LeafHashes(count));

    private static byte[] Root(int size) => Convert.FromHexString(Roots[size]);

    [Fact]
    public void The_leaf_and_node_hashes_carry_the_RFC_prefixes()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", ReferenceMerkle.Hex(MerkleHash.Leaf([])));
        Assert.Equal("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            ReferenceMerkle.Hex(MerkleHash.Node(MerkleHash.Leaf([]), MerkleHash.Leaf([0x00]))));
        Assert.Equal(Roots[0], ReferenceMerkle.Hex(MerkleHash.EmptyRoot()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void The_root_over_the_first_n_test_leaves_is_the_reference_root(int size)
    {
        var frontier = new MerkleFrontier();
        foreach (var leaf in LeafHashes(size))
        {
            frontier.Append(leaf);
        }

        Assert.Equal(Roots[size], ReferenceMerkle.Hex(frontier.Root()));
        if (size > 0)
        {
            // The same root read from stored complete subtrees, as the server computes it.
            var nodes = Tree(size);
            Assert.Equal(Roots[size], ReferenceMerkle.Hex(new MerkleRange(0, size).Hash(id => nodes[id])));
        }
    }

    [Fact]
    public void The_stored_nodes_of_the_eight_leaf_tree_are_the_reference_node_hashes()
    {
        var nodes = Tree(8);

        Assert.Equal(15, nodes.Count);
        Assert.Equal("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7", ReferenceMerkle.Hex(nodes[new(0, 2)]));
        Assert.Equal("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", ReferenceMerkle.Hex(nodes[new(1, 2)]));
        Assert.Equal("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4", ReferenceMerkle.Hex(nodes[new(2, 1)]));
        Assert.Equal(Roots[8], ReferenceMerkle.Hex(nodes[new(3, 0)]));
    }

    [Theory]
    [MemberData(nameof(LargeRoots))]
    public void The_root_of_a_large_tree_is_the_golden_root(int size, string base64Root)
    {
        var frontier = new MerkleFrontier();
        var nodes = new List<MerkleNode>();
        for (var i = 0; i < size; i++)
        {
            frontier.Append(MerkleHash.Leaf([(byte)(i & 0xff), (byte)((i >> 8) & 0xff)]), nodes);
        }

        Assert.Equal(base64Root, Convert.ToBase64String(frontier.Root()));
        var stored = nodes.ToDictionary(n => n.Id, n => n.Hash);
        Assert.Equal(base64Root, Convert.ToBase64String(new MerkleRange(0, size).Hash(id => stored[id])));
    }

    [Theory]
    [MemberData(nameof(InclusionProofs))]
    public void Inclusion_proofs_are_the_reference_proofs_and_verify_against_the_reference_root(long index, long size, string[] expected)
    {
        var nodes = Tree((int)size);
        var proof = MerkleProofs.Resolve(MerkleProofs.InclusionPath(index, size), id => nodes[id]);

        Assert.Equal(expected, proof.Select(ReferenceMerkle.Hex));
        Assert.True(MerkleVerifier.VerifyInclusion(index, size, nodes[new(0, index)], proof, Root((int)size)));
    }

    [Theory]
    [MemberData(nameof(ConsistencyProofs))]
    public void Consistency_proofs_are_the_reference_proofs_and_verify_against_both_reference_roots(long oldSize, long newSize, string[] expected)
    {
        var nodes = Tree((int)newSize);
        var proof = MerkleProofs.Resolve(MerkleProofs.ConsistencyPath(oldSize, newSize), id => nodes[id]);

        Assert.Equal(expected, proof.Select(ReferenceMerkle.Hex));
        Assert.True(MerkleVerifier.VerifyConsistency(oldSize, newSize, Root((int)oldSize), Root((int)newSize), proof));
    }

    [Theory]
    [MemberData(nameof(InclusionProofs))]
    public void A_corrupted_inclusion_proof_is_rejected(long index, long size, string[] path)
    {
        var proof = path.Select(Convert.FromHexString).ToList();
        var leaf = MerkleHash.Leaf(Convert.FromHexString(Leaves[index]));
        var root = Root((int)size);
        Assert.True(MerkleVerifier.VerifyInclusion(index, size, leaf, proof, root));

        foreach (var (description, probe) in InclusionProbes(index, size, leaf, proof, root))
        {
            Assert.False(MerkleVerifier.VerifyInclusion(probe.Index, probe.Size, probe.Leaf, probe.Proof, probe.Root), description);
        }
    }

    [Theory]
    [MemberData(nameof(ConsistencyProofs))]
    public void A_corrupted_consistency_proof_is_rejected(long oldSize, long newSize, string[] hexProof)
    {
        var proof = hexProof.Select(Convert.FromHexString).ToList();
        var (oldRoot, newRoot) = (Root((int)oldSize), Root((int)newSize));
        Assert.True(MerkleVerifier.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof));
        if (proof.Count == 0)
        {
            Assert.False(MerkleVerifier.VerifyConsistency(oldSize, newSize, oldRoot, Root(0), proof), "equal sizes need equal roots");
            return;
        }

        var probes = new List<(string, long, long, byte[], byte[], List<byte[]>)>
        {
            ("old size - 1", oldSize - 1, newSize, oldRoot, newRoot, proof),
            ("old size + 1", oldSize + 1, newSize, oldRoot, newRoot, proof),
            ("new size * 2", oldSize, newSize * 2, oldRoot, newRoot, proof),
            ("new size / 2", oldSize, newSize / 2, oldRoot, newRoot, proof),
            ("wrong old root", oldSize, newSize, Root(0), newRoot, proof),
            ("wrong new root", oldSize, newSize, oldRoot, Root(0), proof),
            ("swapped roots", oldSize, newSize, newRoot, oldRoot, proof),
            ("empty proof", oldSize, newSize, oldRoot, newRoot, []),
            ("trailing root", oldSize, newSize, oldRoot, newRoot, [.. proof, newRoot]),
            ("preceding root", oldSize, newSize, oldRoot, newRoot, [oldRoot, .. proof]),
            ("truncated", oldSize, newSize, oldRoot, newRoot, proof[..^1]),
        };
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(h => h.ToArray()).ToList();
            flipped[i][0] ^= 16;
            probes.Add(($"bit flipped in proof[{i}]", oldSize, newSize, oldRoot, newRoot, flipped));
        }

        foreach (var (description, m, n, r1, r2, p) in probes)
        {
            Assert.False(MerkleVerifier.VerifyConsistency(m, n, r1, r2, p), description);
        }
    }

    private static IEnumerable<(string, (long Index, long Size, byte[] Leaf, List<byte[]> Proof, byte[] Root))> InclusionProbes(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root)
    {
        yield return ("index - 1", (index - 1, size, leaf, proof, root));
        yield return ("index + 1", (index + 1, size, leaf, proof, root));
        yield return ("index ^ 2", (index ^ 2, size, leaf, proof, root));
        yield return ("size * 2", (index, size * 2, leaf, proof, root));
        yield return ("size / 2", (index, size / 2, leaf, proof, root));
        yield return ("wrong leaf", (index, size, MerkleHash.Leaf("WrongLeaf"u8), proof, root));
        yield return ("empty-tree root", (index, size, leaf, proof, Root(0)));
        yield return ("trailing root", (index, size, leaf, [.. proof, root], root));
        yield return ("preceding root", (index, size, leaf, [root, .. proof], root));
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(h => h.ToArray()).ToList();
            flipped[i][0] ^= 8;
            yield return ($"bit flipped in proof[{i}]", (index, size, leaf, flipped, root));
        }

        if (proof.Count > 0)
        {
            yield return ("removed component", (index, size, leaf, proof[..^1], root));
        }
    }
}
