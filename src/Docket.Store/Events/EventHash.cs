using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Docket.Store.Events;

/// <summary>
/// The per-case hash chain of docs/architecture.md:
/// <c>hash = SHA-256(prevHash || UTF-8(aNumber "\n" version "\n" type "\n" on "\n" recordedAt "\n" recordedBy "\n" payload))</c>,
/// version 1 chaining from 32 zero bytes. Anyone can recompute it from an export.
/// </summary>
public static class EventHash
{
    public const int Length = 32;

    public static ReadOnlySpan<byte> Genesis => new byte[Length];

    public static byte[] Compute(ReadOnlySpan<byte> prevHash, string aNumber, int version, string type, string on, string recordedAt, string recordedBy, string payload)
    {
        // The message is encoded part by part into one buffer: on the write path this runs for
        // every event, and joining the parts into a string first doubled its allocations.
        var utf8 = Encoding.UTF8;
        var length = Length + 6 + 11 + utf8.GetByteCount(aNumber) + utf8.GetByteCount(type) + utf8.GetByteCount(on)
            + utf8.GetByteCount(recordedAt) + utf8.GetByteCount(recordedBy) + utf8.GetByteCount(payload);
        byte[]? rented = null;
        var buffer = length <= 2048 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            prevHash.CopyTo(buffer);
            var at = Length;
            at += utf8.GetBytes(aNumber, buffer[at..]);
            buffer[at++] = (byte)'\n';
            version.TryFormat(buffer[at..], out var written, default, CultureInfo.InvariantCulture);
            at += written;
            foreach (var part in (ReadOnlySpan<string>)[type, on, recordedAt, recordedBy, payload])
            {
                buffer[at++] = (byte)'\n';
                at += utf8.GetBytes(part, buffer[at..]);
            }

            return SHA256.HashData(buffer[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static byte[] Compute(EventRow row) =>
        Compute(row.PrevHash, row.ANumber, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy, row.Payload);

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
