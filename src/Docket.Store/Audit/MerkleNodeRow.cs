namespace Docket.Store.Audit;

/// <summary>
/// The root of a complete subtree of the event Merkle tree: level 0 holds leaf hashes
/// (<c>SHA-256(0x00 || event hash)</c>), level k the root over leaves
/// [index * 2^k, (index + 1) * 2^k). Kept so a proof costs O(log n) reads, never the whole log.
/// Derived data: it can always be rebuilt from the events.
/// </summary>
public sealed class MerkleNodeRow
{
    public int Level { get; set; }

    public long Index { get; set; }

    public required byte[] Hash { get; set; }
}
