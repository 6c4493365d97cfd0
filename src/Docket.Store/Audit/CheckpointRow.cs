namespace Docket.Store.Audit;

/// <summary>
/// A signed tree head: the RFC 9162 Merkle root over the first <see cref="TreeSize"/> events in
/// position order, signed with the instance's ECDSA P-256 key. Append-only.
/// </summary>
public sealed class CheckpointRow
{
    public long Id { get; set; }

    public long TreeSize { get; set; }

    public required byte[] RootHash { get; set; }

    /// <summary>Server instant, text <c>YYYY-MM-DDTHH:MM:SS.fffZ</c>, exactly as signed.</summary>
    public required string IssuedAt { get; set; }

    /// <summary>ECDSA P-256 / SHA-256 signature, IEEE P1363 form, base64.</summary>
    public required string Signature { get; set; }
}
