using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>The signature and the JSON form of a checkpoint are exactly what docs/architecture.md says, checkable without Docket.</summary>
public sealed class SignedCheckpointTests : IDisposable
{
    private static readonly byte[] Root = Convert.FromHexString("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => key.Dispose();

    [Fact]
    public void The_signed_text_is_the_design_text_and_the_signature_is_p1363_base64_checkable_by_plain_ECDsa()
    {
        var checkpoint = SignedCheckpoint.Sign(key, 8, Root, "2025-03-01T14:30:15.123Z");

        var text = "docket-checkpoint\n8\n5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n2025-03-01T14:30:15.123Z\n";
        Assert.Equal(text, Encoding.UTF8.GetString(SignedCheckpoint.SignedText(8, Root, "2025-03-01T14:30:15.123Z")));
        var signature = Convert.FromBase64String(checkpoint.Signature);
        Assert.Equal(64, signature.Length);

        // Checked from the public key PEM alone, as an outsider would.
        using var outsider = ECDsa.Create();
        outsider.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
        Assert.True(outsider.VerifyData(Encoding.UTF8.GetBytes(text), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.True(checkpoint.IsSignedBy(outsider));
    }

    [Fact]
    public void A_signature_does_not_verify_under_another_key_or_after_any_field_changes()
    {
        var checkpoint = SignedCheckpoint.Sign(key, 8, Root, "2025-03-01T14:30:15.123Z");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(checkpoint.IsSignedBy(other));
        Assert.False((checkpoint with { TreeSize = 9 }).IsSignedBy(key));
        Assert.False((checkpoint with { RootHash = SHA256.HashData(Root) }).IsSignedBy(key));
        Assert.False((checkpoint with { IssuedAt = "2025-03-01T14:30:15.124Z" }).IsSignedBy(key));
        Assert.False((checkpoint with { Signature = "not base64!" }).IsSignedBy(key));
        Assert.False((checkpoint with { Signature = SignedCheckpoint.Sign(other, 8, Root, checkpoint.IssuedAt).Signature }).IsSignedBy(key));
    }

    [Fact]
    public void The_json_form_has_exactly_the_four_fields_and_reads_back()
    {
        var checkpoint = SignedCheckpoint.Sign(key, 8, Root, "2025-03-01T14:30:15.123Z");

        var json = CheckpointJson.Write(checkpoint);
        Assert.Equal(
            $"{{\"treeSize\":8,\"rootHash\":\"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\",\"issuedAt\":\"2025-03-01T14:30:15.123Z\",\"signature\":\"{checkpoint.Signature}\"}}",
            json);
        var back = CheckpointJson.Parse(json);
        Assert.Equal((8L, checkpoint.RootHex, checkpoint.IssuedAt, checkpoint.Signature), (back.TreeSize, back.RootHex, back.IssuedAt, back.Signature));
        Assert.True(back.IsSignedBy(key));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"rootHash":"00","issuedAt":"x","signature":"y"}""")]
    [InlineData("""{"treeSize":-1,"rootHash":"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328","issuedAt":"x","signature":"y"}""")]
    [InlineData("""{"treeSize":8,"rootHash":"5dc9","issuedAt":"x","signature":"y"}""")]
    [InlineData("""{"treeSize":8,"rootHash":"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328","signature":"y"}""")]
    public void A_file_that_is_not_a_checkpoint_is_refused_with_a_reason(string text)
    {
        var error = Assert.Throws<FormatException>(() => CheckpointJson.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
