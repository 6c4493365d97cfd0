using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// A client that holds the instance key and checks everything a server says against the
/// checkpoints it verified itself. A server that lies (a wrong proof, a made-up root, a head
/// signed with another key, a rewritten history) is caught every time.
/// </summary>
public sealed class LyingServerTests : IDisposable
{
    private readonly ECDsa instanceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        instanceKey.Dispose();
        otherKey.Dispose();
    }

    /// <summary>A server's log: leaf hashes of made-up events, and its stored nodes.</summary>
    private sealed class Log(IEnumerable<string> events)
    {
        public List<byte[]> EventHashes { get; } = events.Select(e => SHA256.HashData(Encoding.UTF8.GetBytes(e))).ToList();

        public Dictionary<MerkleNodeId, byte[]> Nodes => ReferenceMerkle.AllNodes(EventHashes.Select(h => MerkleHash.Leaf(h)));

        public byte[] Root(long size) => new MerkleRange(0, size).Hash(id => Nodes[id]);

        public SignedCheckpoint Head(ECDsa key, long size) => SignedCheckpoint.Sign(key, size, Root(size), "2025-03-01T14:30:15.123Z");

        public IReadOnlyList<byte[]> Inclusion(long index, long size)
        {
            var nodes = Nodes;
            return MerkleProofs.Resolve(MerkleProofs.InclusionPath(index, size), id => nodes[id]);
        }

        public IReadOnlyList<byte[]> Consistency(long from, long to)
        {
            var nodes = Nodes;
            return MerkleProofs.Resolve(MerkleProofs.ConsistencyPath(from, to), id => nodes[id]);
        }
    }

    private static IEnumerable<string> Events(int count, string tag = "") => Enumerable.Range(1, count).Select(i => $"event {i}{tag}");

    private TrustedHead ClientTrusting(Log log, long size)
    {
        var client = new TrustedHead(instanceKey);
        Assert.True(client.TryAdvance(log.Head(instanceKey, size), []));
        return client;
    }

    [Fact]
    public void An_honest_server_is_believed_for_appends_and_inclusion()
    {
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 6);

        Assert.True(client.TryAdvance(log.Head(instanceKey, 13), log.Consistency(6, 13)));
        for (var i = 0; i < 13; i++)
        {
            Assert.True(client.Includes(i, log.EventHashes[i], log.Inclusion(i, 13)), $"event {i}");
        }
    }

    [Fact]
    public void A_wrong_inclusion_proof_is_rejected()
    {
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 13);
        var proof = log.Inclusion(4, 13).Select(h => h.ToArray()).ToList();
        proof[1][7] ^= 1;

        Assert.False(client.Includes(4, log.EventHashes[4], proof));
        Assert.False(client.Includes(5, log.EventHashes[4], log.Inclusion(4, 13)), "a proof for another position");
        Assert.False(client.Includes(4, SHA256.HashData("forged"u8), log.Inclusion(4, 13)), "another event");
    }

    [Fact]
    public void A_forged_event_with_a_root_the_server_made_up_to_fit_is_rejected()
    {
        // The server swaps event 5 for a forgery and answers with a proof from the forged tree
        // plus that tree's root. The proof does fit the root the server sends...
        var honest = new Log(Events(13));
        var forgedEvents = Events(13).ToList();
        forgedEvents[4] = "event 5, rewritten";
        var forged = new Log(forgedEvents);
        var suppliedRoot = forged.Root(13);
        Assert.True(MerkleVerifier.VerifyInclusion(4, 13, MerkleHash.Leaf(forged.EventHashes[4]), forged.Inclusion(4, 13), suppliedRoot));

        // ...but a client that checks against the head it already trusts is not fooled.
        var client = ClientTrusting(honest, 13);
        Assert.False(client.Includes(4, forged.EventHashes[4], forged.Inclusion(4, 13)));
    }

    [Fact]
    public void A_head_with_a_wrong_root_is_rejected_even_with_a_valid_signature_shape()
    {
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 6);
        var real = log.Head(instanceKey, 13);
        var wrongRoot = real with { RootHash = SHA256.HashData("not the root"u8) };

        Assert.False(client.TryAdvance(wrongRoot, log.Consistency(6, 13)), "the signature no longer covers the root");
        Assert.Equal(6, client.Current!.TreeSize);
    }

    [Fact]
    public void A_head_signed_with_a_key_other_than_the_instance_key_is_rejected()
    {
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 6);

        Assert.False(client.TryAdvance(log.Head(otherKey, 13), log.Consistency(6, 13)));
        Assert.False(new TrustedHead(instanceKey).TryAdvance(log.Head(otherKey, 6), []));
        Assert.False(log.Head(otherKey, 6).IsSignedBy(instanceKey));
    }

    [Fact]
    public void A_rewritten_history_is_rejected_even_when_signed_with_the_instance_key()
    {
        // Someone with the key signs a log whose event 3 was changed: the new head does not extend the trusted one.
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 6);
        var rewrittenEvents = Events(13).ToList();
        rewrittenEvents[2] = "event 3, rewritten";
        var rewritten = new Log(rewrittenEvents);

        Assert.False(client.TryAdvance(rewritten.Head(instanceKey, 13), rewritten.Consistency(6, 13)));
        Assert.False(client.TryAdvance(rewritten.Head(instanceKey, 13), log.Consistency(6, 13)));
        Assert.False(client.TryAdvance(log.Head(instanceKey, 5), []), "a head that went backwards");
        Assert.Equal(6, client.Current!.TreeSize);
    }

    [Fact]
    public void A_wrong_consistency_proof_is_rejected()
    {
        var log = new Log(Events(13));
        var client = ClientTrusting(log, 6);
        var proof = log.Consistency(6, 13).Select(h => h.ToArray()).ToList();
        proof[0][0] ^= 1;

        Assert.False(client.TryAdvance(log.Head(instanceKey, 13), proof));
        Assert.False(client.TryAdvance(log.Head(instanceKey, 13), log.Consistency(5, 13)), "a proof from another size");
        Assert.True(client.TryAdvance(log.Head(instanceKey, 13), log.Consistency(6, 13)));
    }
}
