using System.Text.Json;
using Docket.Domain.Countries;

namespace Docket.Domain.Events;

/// <summary>
/// Checks one field's value before anything is deserialized, so that every wrong value of a
/// body is reported at once, each naming its field.
/// </summary>
internal static class FieldValues
{
    private const string CountryRule = "is not an ISO 3166-1 alpha-3 country code (three upper-case letters, for example MEX).";

    public static void Check(EventField field, JsonElement value, Reading reading, List<string> errors)
    {
        var name = field.Name;
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (field.IsRequired(reading))
            {
                errors.Add(field.Kind is FieldKind.TextList or FieldKind.CountryList ? $"{name}: must not be null (write [] for none)" : $"{name}: must not be null");
            }

            return;
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                WireText.Read(name, value, field.FreeText, reading, errors);
                break;
            case FieldKind.Date:
                WireDates.Read(name, value, errors);
                break;
            case FieldKind.Flag when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add($"{name}: must be true or false");
                break;
            case FieldKind.WholeNumber when value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _):
                errors.Add($"{name}: must be a whole number (up to {int.MaxValue})");
                break;
            case FieldKind.Country:
                CheckCountry(name, value, errors);
                break;
            case FieldKind.Choice when !StrictJson.TryGetText(value, out var choice) || !field.Choices.Contains(choice, StringComparer.Ordinal):
                errors.Add($"{name}: must be one of {string.Join(", ", field.Choices)}");
                break;
            case FieldKind.TextList or FieldKind.CountryList when value.ValueKind != JsonValueKind.Array:
                errors.Add($"{name}: must be an array of {(field.Kind == FieldKind.TextList ? "strings" : "country codes")} ([] for none)");
                break;
            case FieldKind.TextList:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    WireText.Read($"{name}[{i++}]", item, field.FreeText, reading, errors);
                }

                break;
            case FieldKind.CountryList:
                var j = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckCountry($"{name}[{j++}]", item, errors);
                }

                break;
        }
    }

    private static void CheckCountry(string name, JsonElement value, List<string> errors)
    {
        if (!StrictJson.TryGetText(value, out var text))
        {
            errors.Add($"{name}: must be a string, an ISO 3166-1 alpha-3 country code");
        }
        else if (!CountryCode.TryParse(text, out _))
        {
            errors.Add($"{name}: '{text}' {CountryRule}");
        }
    }
}
