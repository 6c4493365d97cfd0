using System.Security.Cryptography;

namespace Docket.Domain.Audit;

/// <summary>
/// What a careful client (a witness, an auditor's script) believes about a Docket log: the latest
/// checkpoint it verified itself, signed by a key it obtained beforehand. Everything a server
/// says later is checked against that, never against a root the server sends along with its
/// proof, since a lying server can always invent a root its forged proof fits
/// (immudb, CVE-2022-36111).
/// </summary>
public sealed class TrustedHead(ECDsa trustedKey)
{
    public SignedCheckpoint? Current { get; private set; }

    /// <summary>
    /// Moves to <paramref name="next"/> only if the trusted key signed it and
    /// <paramref name="consistencyProof"/> proves it extends the current head (the log was only appended to).
    /// </summary>
    public bool TryAdvance(SignedCheckpoint next, IReadOnlyList<byte[]> consistencyProof)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!next.IsSignedBy(trustedKey))
        {
            return false;
        }

        if (Current is { } current && !MerkleVerifier.VerifyConsistency(current.TreeSize, next.TreeSize, current.RootHash, next.RootHash, consistencyProof))
        {
            return false;
        }

        Current = next;
        return true;
    }

    /// <summary>True if the event with <paramref name="eventHash"/> is leaf <paramref name="leafIndex"/> of the trusted head.</summary>
    public bool Includes(long leafIndex, byte[] eventHash, IReadOnlyList<byte[]> auditPath) =>
        Current is { } current
        && eventHash is { Length: MerkleHash.Length }
        && MerkleVerifier.VerifyInclusion(leafIndex, current.TreeSize, MerkleHash.Leaf(eventHash), auditPath, current.RootHash);
}
