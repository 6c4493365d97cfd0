using System.Text;
using Docket.Domain.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// Beyond the eight published leaves: for every tree size up to 64 (and a few larger), every
/// root, inclusion proof and consistency proof Docket builds from stored nodes equals the literal
/// RFC 9162 definition, and Docket's verifier accepts it.
/// </summary>
public sealed class ReferenceModelAgreement
{
    private static List<byte[]> Inputs(int count) =>
        Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes($"event {i}")).ToList();

    [Fact]
    public void Roots_and_inclusion_proofs_match_the_RFC_definition_for_every_leaf_of_every_size_up_to_64()
    {
        var inputs = Inputs(64);
        var nodes = ReferenceMerkle.AllNodes(inputs.Select(ReferenceMerkle.LeafHash));
        for (var size = 1; size <= inputs.Count; size++)
        {
            var tree = inputs.Take(size).ToList();
            var root = ReferenceMerkle.Mth(tree);
            Assert.Equal(ReferenceMerkle.Hex(root), ReferenceMerkle.Hex(new MerkleRange(0, size).Hash(id => nodes[id])));
            for (var m = 0; m < size; m++)
            {
                var proof = MerkleProofs.Resolve(MerkleProofs.InclusionPath(m, size), id => nodes[id]);
                Assert.Equal(ReferenceMerkle.Path(m, tree).Select(ReferenceMerkle.Hex), proof.Select(ReferenceMerkle.Hex));
                Assert.True(MerkleVerifier.VerifyInclusion(m, size, ReferenceMerkle.LeafHash(tree[m]), proof, root), $"leaf {m} of {size}");
            }
        }
    }

    [Fact]
    public void Consistency_proofs_match_the_RFC_definition_for_every_pair_of_sizes_up_to_48()
    {
        var inputs = Inputs(48);
        var nodes = ReferenceMerkle.AllNodes(inputs.Select(ReferenceMerkle.LeafHash));
        for (var n = 1; n <= inputs.Count; n++)
        {
            var tree = inputs.Take(n).ToList();
            var newRoot = ReferenceMerkle.Mth(tree);
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleProofs.Resolve(MerkleProofs.ConsistencyPath(m, n), id => nodes[id]);
                Assert.Equal(ReferenceMerkle.Proof(m, tree).Select(ReferenceMerkle.Hex), proof.Select(ReferenceMerkle.Hex));
                Assert.True(MerkleVerifier.VerifyConsistency(m, n, ReferenceMerkle.Mth(tree.Take(m).ToList()), newRoot, proof), $"{m} -> {n}");
            }
        }
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(1000, 999)]
    [InlineData(1025, 517)]
    [InlineData(4097, 4096)]
    public void Proofs_in_larger_trees_match_the_RFC_definition_and_stay_logarithmic(int size, int leaf)
    {
        var tree = Inputs(size);
        var nodes = ReferenceMerkle.AllNodes(tree.Select(ReferenceMerkle.LeafHash));
        var path = MerkleProofs.InclusionPath(leaf, size);
        var proof = MerkleProofs.Resolve(path, id => nodes[id]);

        Assert.Equal(ReferenceMerkle.Path(leaf, tree).Select(ReferenceMerkle.Hex), proof.Select(ReferenceMerkle.Hex));
        Assert.True(MerkleVerifier.VerifyInclusion(leaf, size, ReferenceMerkle.LeafHash(tree[leaf]), proof, ReferenceMerkle.Mth(tree)));

        // A proof needs at most ~2 log2(n) stored nodes: a cost that does not grow with the log.
        Assert.True(MerkleProofs.NodesFor(path).Count <= 2 * 13, $"{MerkleProofs.NodesFor(path).Count} nodes");
        var consistency = MerkleProofs.ConsistencyPath(leaf + 1, size);
        Assert.Equal(ReferenceMerkle.Proof(leaf + 1, tree).Select(ReferenceMerkle.Hex), MerkleProofs.Resolve(consistency, id => nodes[id]).Select(ReferenceMerkle.Hex));
        Assert.True(MerkleProofs.NodesFor(consistency).Count <= 2 * 13);
    }
}
