using System.Diagnostics.CodeAnalysis;

namespace Docket.Domain.Cases;

/// <summary>
/// An alien registration number, the key of a case's event stream. Always held normalised:
/// nine digits, no "A" prefix, no spaces or dashes. Immutable and compared by value.
/// </summary>
public readonly record struct ANumber
{
    private ANumber(string digits) => Digits = digits;

    /// <summary>The nine digits, for example "012345678".</summary>
    public string Digits { get; }

    /// <summary>
    /// Accepts the forms people write ("A012-345-678", "a 012 345 678", "012345678") and
    /// normalises them. Fewer or more than nine digits is refused rather than padded, so two
    /// different numbers can never collapse into one stream.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ANumber? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim();
        if (span.StartsWith('A') || span.StartsWith('a'))
        {
            span = span[1..];
        }

        Span<char> digits = stackalloc char[9];
        var count = 0;
        foreach (var c in span)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == 9)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 9)
        {
            return false;
        }

        value = new ANumber(new string(digits));
        return true;
    }

    public static ANumber Parse(string text) =>
        TryParse(text, out var value)
            ? value.Value
            : throw new FormatException($"'{text}' is not an A-number: expected 9 digits, optionally with an 'A' prefix, spaces or dashes.");

    public override string ToString() => Digits;
}
