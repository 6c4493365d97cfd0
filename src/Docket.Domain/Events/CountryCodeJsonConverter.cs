using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Domain.Countries;

namespace Docket.Domain.Events;

internal sealed class CountryCodeJsonConverter : JsonConverter<CountryCode>
{
    public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text;
        try
        {
            text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            // Not UTF-8, or a lone surrogate: a refusal like any other bad code, never a crash.
            throw new JsonException("a country code must be text (three upper-case letters, for example MEX).");
        }

        return CountryCode.TryParse(text, out var code)
            ? code.Value
            : throw new JsonException($"'{text}' is not an ISO 3166-1 alpha-3 country code (three upper-case letters, for example MEX).");
    }

    public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
