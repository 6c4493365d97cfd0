using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docket.Store.Events;
using FsCheck;
using FsCheck.Xunit;

namespace Docket.Store.Tests;

/// <summary>
/// <see cref="EventHash.Compute(ReadOnlySpan{byte}, string, int, string, string, string, string, string)"/>
/// encodes the message part by part; whatever the text (any Unicode, lone surrogates, messages
/// longer than its stack buffer), it must hash exactly the formula of docs/architecture.md, written out plainly.
/// </summary>
public sealed class EventHashProperties
{
    private static byte[] Formula(byte[] prev, string a, int version, string type, string on, string at, string by, string payload) =>
        SHA256.HashData([.. prev, .. Encoding.UTF8.GetBytes(string.Join('\n', a, version.ToString(CultureInfo.InvariantCulture), type, on, at, by, payload))]);

    [Property(MaxTest = 300)]
    public bool Any_text_hashes_as_the_formula(NonNull<string> a, int version, NonNull<string> type, NonNull<string> on, NonNull<string> by, NonNull<string> payload, PositiveInt repeat)
    {
        var prev = SHA256.HashData(Encoding.UTF8.GetBytes(a.Get));
        const string at = "2026-11-29T10:00:00.000Z";
        // Repeated, some payloads pass the stack buffer's 2,048 bytes.
        var longPayload = string.Concat(Enumerable.Repeat(payload.Get, 1 + (repeat.Get % 400)));
        return EventHash.Compute(prev, a.Get, version, type.Get, on.Get, at, by.Get, longPayload)
            .AsSpan().SequenceEqual(Formula(prev, a.Get, version, type.Get, on.Get, at, by.Get, longPayload));
    }

    [Fact]
    public void A_payload_of_many_multi_byte_characters_hashes_as_the_formula()
    {
        var payload = "{\"address\":\"" + string.Concat(Enumerable.Repeat("Straße 5, Ōsaka 𝄞 ", 300)) + "\"}";
        var prev = new byte[32];

        Assert.Equal(
            Formula(prev, "212345678", 12, "MailingAddressChanged", "2024-02-03", "2024-02-03T10:00:00.000Z", "officer", payload),
            EventHash.Compute(prev, "212345678", 12, "MailingAddressChanged", "2024-02-03", "2024-02-03T10:00:00.000Z", "officer", payload));
    }
}
