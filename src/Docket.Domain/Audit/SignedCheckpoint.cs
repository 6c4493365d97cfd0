using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Docket.Domain.Audit;

/// <summary>
/// A signed tree head, as docs/architecture.md defines it: the Merkle root over the first
/// <see cref="TreeSize"/> events, when it was issued, and an ECDSA P-256 / SHA-256 signature
/// (IEEE P1363 form, base64) over the UTF-8 text
/// <c>"docket-checkpoint\n" treeSize "\n" rootHash "\n" issuedAt "\n"</c> (root as lowercase hex).
/// The text is line-based and fixed so anyone can check a signature with a few lines of code.
/// </summary>
public sealed record SignedCheckpoint(long TreeSize, byte[] RootHash, string IssuedAt, string Signature)
{
    private const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;

    public string RootHex => Convert.ToHexStringLower(RootHash);

    /// <summary>Exactly the bytes that are signed.</summary>
    public static byte[] SignedText(long treeSize, ReadOnlySpan<byte> rootHash, string issuedAt) =>
        Encoding.UTF8.GetBytes($"docket-checkpoint\n{treeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToHexStringLower(rootHash)}\n{issuedAt}\n");

    public static SignedCheckpoint Sign(ECDsa key, long treeSize, byte[] rootHash, string issuedAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignData(SignedText(treeSize, rootHash, issuedAt), HashAlgorithmName.SHA256, Format);
        return new SignedCheckpoint(treeSize, rootHash, issuedAt, Convert.ToBase64String(signature));
    }

    /// <summary>True only if the signature is valid under <paramref name="trustedKey"/>, a key the caller already holds.</summary>
    public bool IsSignedBy(ECDsa trustedKey)
    {
        ArgumentNullException.ThrowIfNull(trustedKey);
        var signature = new byte[Signature.Length];
        if (TreeSize < 0 || RootHash.Length != MerkleHash.Length || !Convert.TryFromBase64String(Signature, signature, out var written))
        {
            return false;
        }

        return trustedKey.VerifyData(SignedText(TreeSize, RootHash, IssuedAt), signature.AsSpan(0, written), HashAlgorithmName.SHA256, Format);
    }

    public override string ToString() => $"tree size {TreeSize}, root {RootHex}, issued {IssuedAt}";
}
