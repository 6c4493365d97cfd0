using System.Security.Cryptography;
using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>
/// A run of consecutive events as <c>docket verify</c> needs them, packed into one reused byte
/// arena instead of an object and seven strings per row. Each row's bytes lie in the arena as
/// <c>prevHash || UTF-8(aNumber "\n" version "\n" type "\n" on "\n" recordedAt "\n" recordedBy "\n" payload) || hash || storedLeaf</c>,
/// so the hashed message is one contiguous span. Filled and hashed by <see cref="EventScan"/>, read by the checkers.
/// </summary>
internal sealed class EventBatch
{
    public const int Capacity = 512;

    private const int HashLength = 32;

    private readonly long[] positions = new long[Capacity];
    private readonly int[] versions = new int[Capacity];
    private readonly int[] starts = new int[Capacity];
    private readonly int[] prevLengths = new int[Capacity];
    private readonly int[] aNumberLengths = new int[Capacity];
    private readonly int[] messageLengths = new int[Capacity];
    private readonly int[] hashLengths = new int[Capacity];

    // -1: the tree holds no leaf for this position.
    private readonly int[] leafLengths = new int[Capacity];

    // Filled by HashRows: SHA-256 of each message, and the Merkle leaf of each stored hash.
    private readonly byte[] recomputed = new byte[Capacity * HashLength];
    private readonly byte[] leaves = new byte[Capacity * HashLength];

    public byte[] Arena { get; private set; } = new byte[Capacity * 512];

    public int Count { get; private set; }

    public int Used { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Clear() => (Count, Used) = (0, 0);

    public long Position(int row) => positions[row];

    public int Version(int row) => versions[row];

    public ReadOnlySpan<byte> PrevHash(int row) => Arena.AsSpan(starts[row], prevLengths[row]);

    /// <summary>The A-number's UTF-8 bytes: the text right after prevHash.</summary>
    public ReadOnlySpan<byte> ANumber(int row) => Arena.AsSpan(starts[row] + prevLengths[row], aNumberLengths[row]);

    /// <summary>prevHash followed by the UTF-8 text: exactly what the event's hash is over.</summary>
    public ReadOnlySpan<byte> Message(int row) => Arena.AsSpan(starts[row], messageLengths[row]);

    public ReadOnlySpan<byte> Hash(int row) => Arena.AsSpan(starts[row] + messageLengths[row], hashLengths[row]);

    public bool HasLeaf(int row) => leafLengths[row] >= 0;

    public ReadOnlySpan<byte> StoredLeaf(int row) =>
        leafLengths[row] < 0 ? default : Arena.AsSpan(starts[row] + messageLengths[row] + hashLengths[row], leafLengths[row]);

    /// <summary>SHA-256 of the row's message, as <see cref="HashRows"/> computed it.</summary>
    public ReadOnlySpan<byte> Recomputed(int row) => recomputed.AsSpan(row * HashLength, HashLength);

    /// <summary>The Merkle leaf of the row's stored hash (what the tree must hold for it), as <see cref="HashRows"/> computed it.</summary>
    public ReadOnlySpan<byte> Leaf(int row) => leaves.AsSpan(row * HashLength, HashLength);

    /// <summary>
    /// Every hash that depends on one row alone, done apart from the checks that follow rows in
    /// order, so that it can run on another core.
    /// </summary>
    public void HashRows()
    {
        for (var row = 0; row < Count; row++)
        {
            SHA256.HashData(Message(row), recomputed.AsSpan(row * HashLength, HashLength));
            MerkleHash.Leaf(Hash(row), leaves.AsSpan(row * HashLength, HashLength));
        }
    }

    /// <summary>Room for at least <paramref name="bytes"/> more bytes at <see cref="Used"/>; the arena grows for an outsized row.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (Arena.Length - Used < bytes)
        {
            var larger = new byte[Math.Max(Arena.Length * 2, Used + bytes)];
            Arena.AsSpan(0, Used).CopyTo(larger);
            Arena = larger;
        }

        return Arena.AsSpan(Used);
    }

    /// <summary>Takes the bytes written at <see cref="Used"/> since the last row as one row.</summary>
    public void Commit(long position, int version, int prevLength, int aNumberLength, int messageLength, int hashLength, int leafLength)
    {
        positions[Count] = position;
        versions[Count] = version;
        starts[Count] = Used;
        prevLengths[Count] = prevLength;
        aNumberLengths[Count] = aNumberLength;
        messageLengths[Count] = messageLength;
        hashLengths[Count] = hashLength;
        leafLengths[Count] = leafLength;
        Used += messageLength + hashLength + Math.Max(leafLength, 0);
        Count++;
    }
}
