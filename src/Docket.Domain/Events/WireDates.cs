using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Docket.Domain.Events;

/// <summary>
/// Dates on the wire: exactly YYYY-MM-DD, a real calendar day, within
/// <see cref="Earliest"/>..<see cref="Latest"/>. The same reading for bodies and query strings.
/// </summary>
internal static class WireDates
{
    public static LocalDatePattern Pattern { get; } = LocalDatePattern.Iso;

    // Legal clocks add days and years to these dates; far-off years are typing errors (and a
    // year such as 9999 overflowed that arithmetic).
    public static LocalDate Earliest { get; } = new(1900, 1, 1);

    public static LocalDate Latest { get; } = new(2199, 12, 31);

    public static bool TryParse(string? text, out LocalDate date)
    {
        date = default;
        if (Calendar(text) is not { } parsed || parsed < Earliest || parsed > Latest)
        {
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>Reads the date field <paramref name="name"/>, or adds why it is not one.</summary>
    public static LocalDate? Read(string name, JsonElement value, List<string> errors)
    {
        if (!StrictJson.TryGetText(value, out var text) || Calendar(text) is not { } parsed)
        {
            errors.Add($"{name}: must be a real calendar date written YYYY-MM-DD");
            return null;
        }

        if (parsed < Earliest || parsed > Latest)
        {
            errors.Add($"{name}: {text} is outside the years {Earliest.Year} to {Latest.Year}");
            return null;
        }

        return parsed;
    }

    // The ISO pattern also reads signed years ("-0001-01-01"); the wire form is exactly
    // YYYY-MM-DD, so anything but ten characters starting with a digit is refused first.
    private static LocalDate? Calendar(string? text) =>
        text is { Length: 10 } && char.IsAsciiDigit(text[0]) && Pattern.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
