using System.Runtime.InteropServices;
using System.Text;

namespace Docket.Store.Audit;

/// <summary>
/// Every case's head (last version and hash) during <c>docket verify</c>, kept compactly: a
/// well-formed A-number (9 ASCII digits) is its own int key, and heads live in flat arrays
/// indexed by a slot, so a million cases cost a few tens of MiB and no string per event. A
/// malformed A-number (only a tampered row has one) falls back to a string key, so it still
/// counts as a case of its own.
/// </summary>
internal sealed class CaseHeads
{
    private const int HashLength = 32;

    private readonly Dictionary<int, int> digits = [];
    private readonly Dictionary<string, int> others = new(StringComparer.Ordinal);
    private int[] versions = new int[1024];
    private byte[] hashes = new byte[1024 * HashLength];

    public int Count { get; private set; }

    /// <summary>The case's slot, made on first sight with version 0 and the genesis hash (zeros).</summary>
    public int Slot(ReadOnlySpan<byte> aNumber)
    {
        ref var slot = ref AsDigits(aNumber) is var key and >= 0
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(digits, key, out var exists)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(others, Encoding.UTF8.GetString(aNumber), out exists);
        if (!exists)
        {
            slot = Add();
        }

        return slot;
    }

    public int Version(int slot) => versions[slot];

    public ReadOnlySpan<byte> Hash(int slot) => hashes.AsSpan(slot * HashLength, HashLength);

    /// <summary>Moves the head on; only a recomputed (so 32-byte) hash ever becomes a head.</summary>
    public void Advance(int slot, int version, ReadOnlySpan<byte> hash)
    {
        versions[slot] = version;
        hash.CopyTo(hashes.AsSpan(slot * HashLength, HashLength));
    }

    private int Add()
    {
        if (Count == versions.Length)
        {
            Array.Resize(ref versions, versions.Length * 2);
            Array.Resize(ref hashes, hashes.Length * 2);
        }

        return Count++;
    }

    private static int AsDigits(ReadOnlySpan<byte> aNumber)
    {
        if (aNumber.Length != 9)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in aNumber)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
