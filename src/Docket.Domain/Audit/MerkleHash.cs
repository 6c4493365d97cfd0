using System.Security.Cryptography;

namespace Docket.Domain.Audit;

/// <summary>
/// The two hashes of an RFC 9162 Merkle tree: a leaf is <c>SHA-256(0x00 || data)</c>, an inner
/// node <c>SHA-256(0x01 || left || right)</c>. The different prefixes stop a leaf from being
/// passed off as a node (a second-preimage trick on unprefixed trees).
/// </summary>
public static class MerkleHash
{
    public const int Length = 32;

    /// <summary>The root of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var leaf = new byte[Length];
        Leaf(data, leaf);
        return leaf;
    }

    /// <summary>The leaf hash written into <paramref name="destination"/> (32 bytes), for callers that hash many without allocating.</summary>
    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var buffer = data.Length < 1024 ? stackalloc byte[data.Length + 1] : new byte[data.Length + 1];
        buffer[0] = 0x00;
        data.CopyTo(buffer[1..]);
        SHA256.HashData(buffer, destination);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var length = 1 + left.Length + right.Length;
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + left.Length)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>Compares two hashes in constant time (a verifier should not leak how much matched).</summary>
    public static bool AreEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == b.Length && CryptographicOperations.FixedTimeEquals(a, b);
}
