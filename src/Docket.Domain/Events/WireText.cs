using System.Text.Json;

namespace Docket.Domain.Events;

/// <summary>The rules for a text value: a string, not blank, not too long, and only text characters.</summary>
internal static class WireText
{
    public const int MaxLength = 2000;

    /// <summary>Reads the text field <paramref name="name"/>, or adds why it cannot be one.</summary>
    public static string? Read(string name, JsonElement value, bool freeText, Reading reading, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{name}: must be a string");
            return null;
        }

        if (!StrictJson.TryGetText(value, out var text))
        {
            errors.Add($"{name}: {StrictJson.NotText}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{name}: must not be blank");
            return null;
        }

        if (text.Length > MaxLength)
        {
            errors.Add($"{name}: is longer than {MaxLength} characters");
            return null;
        }

        if (reading == Reading.NewFact && FirstControl(text, freeText) is { } control)
        {
            errors.Add(freeText
                ? $"{name}: holds the control character U+{(int)control:X4}; of those only line feed (\\n) and tab (\\t) may be written here"
                : $"{name}: holds the control character U+{(int)control:X4}; this field is one line of text without control characters");
            return null;
        }

        return text;
    }

    /// <summary>See <see cref="FreeTextAttribute"/> for which characters are refused and why.</summary>
    private static char? FirstControl(string text, bool freeText)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(freeText && c is '\n' or '\t'))
            {
                return c;
            }
        }

        return null;
    }
}
