using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Docket.Store.Events;

/// <summary>
/// The per-case hash chain of DESIGN.md:
/// <c>hash = SHA-256(prevHash || UTF-8(aNumber "\n" version "\n" type "\n" on "\n" recordedAt "\n" recordedBy "\n" payload))</c>,
/// version 1 chaining from 32 zero bytes. Anyone can recompute it from an export.
/// </summary>
public static class EventHash
{
    public const int Length = 32;

    public static ReadOnlySpan<byte> Genesis => new byte[Length];

    public static byte[] Compute(ReadOnlySpan<byte> prevHash, string aNumber, int version, string type, string on, string recordedAt, string recordedBy, string payload)
    {
        var text = string.Join('\n', aNumber, version.ToString(CultureInfo.InvariantCulture), type, on, recordedAt, recordedBy, payload);
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var buffer = byteCount + Length <= 4096 ? stackalloc byte[Length + byteCount] : new byte[Length + byteCount];
        prevHash.CopyTo(buffer);
        Encoding.UTF8.GetBytes(text, buffer[Length..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] Compute(EventRow row) =>
        Compute(row.PrevHash, row.ANumber, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy, row.Payload);

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
