using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Web.Cases.Words;
using Docket.Web.OpenApi;
using NodaTime;

namespace Docket.Web.Cases.Recording;

/// <summary>How a field of an event is asked for on a form.</summary>
public enum InputKind { Text, LongText, Date, Number, YesNo, Country, Choice, Lines, Countries, EventBody }

/// <summary>One input of an event's form: the wire name, its label, how it is asked, whether it must be filled, its choices.</summary>
public sealed record FormField(string Name, string Label, InputKind Kind, bool Required, IReadOnlyList<string> Choices);

/// <summary>
/// The form of one event type, read from the Domain's record by the same reflection the OpenAPI
/// schemas use (<see cref="EventSchemas.FieldsOf"/>), so every type of the vocabulary has a form
/// with the right inputs. What is typed becomes the JSON body the API takes, which is read by the
/// same strict parser (<see cref="EventJson.Parse(JsonElement)"/>): a page cannot record what the API would refuse.
/// </summary>
public static class EventForm
{
    /// <summary>The form field that carries the event's own date (<c>on</c>), labelled "Effective date".</summary>
    public const string EffectiveDate = "on";

    public static IReadOnlyList<FormField> FieldsOf(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return [.. EventSchemas.FieldsOf(eventType).Select(p => Describe(eventType, p))];
    }

    private static FormField Describe(Type eventType, System.Text.Json.Serialization.Metadata.JsonPropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var freeText = property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(false).Any(a => a.GetType().Name == "FreeTextAttribute") == true;
        var kind = type switch
        {
            _ when type == typeof(string) => freeText ? InputKind.LongText : InputKind.Text,
            _ when type == typeof(LocalDate) => InputKind.Date,
            _ when type == typeof(int) => InputKind.Number,
            _ when type == typeof(bool) => InputKind.YesNo,
            _ when type == typeof(CountryCode) => InputKind.Country,
            _ when type == typeof(JsonElement) => InputKind.EventBody,
            { IsEnum: true } => InputKind.Choice,
            _ when type == typeof(IReadOnlyList<string>) => InputKind.Lines,
            _ when type == typeof(IReadOnlyList<CountryCode>) => InputKind.Countries,
            _ => throw new InvalidOperationException($"{eventType.Name}.{property.Name}: no form input for {type.Name}"),
        };
        var choices = type.IsEnum ? Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList() : [];
        var required = EventJson.IsRequired(eventType, property.Name) && kind is not (InputKind.Lines or InputKind.Countries);
        return new FormField(property.Name, EventWords.Field(property.Name), kind, required, choices);
    }

    /// <summary>The JSON body <c>{type, on, ...fields}</c> of what was typed; empty optional fields are left out.</summary>
    public static (JsonElement? Body, IReadOnlyList<string> Errors) ToBody(string type, Type eventType, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<string>();
        var body = new JsonObject { ["type"] = type };
        string One(string name) => values.TryGetValue(name, out var v) && v.Count > 0 ? v[0].Trim() : "";

        var on = One(EffectiveDate);
        if (on.Length == 0)
        {
            errors.Add("Effective date: give the date the event took effect.");
        }
        else
        {
            body["on"] = on;
        }

        foreach (var field in FieldsOf(eventType))
        {
            var text = One(field.Name);
            switch (field.Kind)
            {
                case InputKind.Lines:
                    body[field.Name] = new JsonArray([.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode)JsonValue.Create(l)!)]);
                    break;
                case InputKind.Countries:
                    var codes = values.TryGetValue(field.Name, out var many) ? many.Where(c => c.Length > 0) : [];
                    body[field.Name] = new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c)!)]);
                    break;
                case InputKind.LongText:
                    if (text.Length > 0)
                    {
                        // One spelling of a line break (the parser refuses a carriage return).
                        body[field.Name] = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
                    }

                    break;
                case InputKind.YesNo when text.Length > 0:
                    body[field.Name] = text == "true";
                    break;
                case InputKind.Number when text.Length > 0:
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        body[field.Name] = number;
                    }
                    else
                    {
                        errors.Add($"{field.Label}: give a whole number.");
                    }

                    break;
                case InputKind.EventBody when text.Length > 0:
                    try
                    {
                        body[field.Name] = JsonNode.Parse(text);
                    }
                    catch (JsonException)
                    {
                        errors.Add($"{field.Label}: write the replacement event as JSON, for example {{\"type\":\"HearingScheduled\", ...}}.");
                    }

                    break;
                default:
                    if (text.Length > 0)
                    {
                        body[field.Name] = text;
                    }

                    break;
            }
        }

        return errors.Count > 0 ? (null, errors) : (JsonSerializer.SerializeToElement(body), errors);
    }
}
