using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Docket.Domain.Events;

/// <summary>
/// The wire form of events: <c>{type, on, ...fields}</c>. Parsing is strict (unknown type,
/// unknown field, missing field, wrong value: all refused with a reason) because a silently
/// dropped field in a legal record is a lost fact. The payload is written canonically, so the
/// same fact always hashes the same way.
/// </summary>
public static class EventJson
{
    private const int MaxTextLength = 2000;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    // Parsing is on the import path: what reflection says about a type is worked out once.
    private static readonly ConcurrentDictionary<Type, (JsonTypeInfo Info, FrozenDictionary<string, JsonPropertyInfo> Known)> Shapes = new();
    private static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    public static LocalDatePattern DatePattern { get; } = LocalDatePattern.Iso;

    /// <summary>The range of legal dates Docket accepts on the wire.</summary>
    public static LocalDate EarliestDate { get; } = new(1900, 1, 1);

    public static LocalDate LatestDate { get; } = new(2199, 12, 31);

    /// <summary>Parses a full event body <c>{type, on, ...}</c>.</summary>
    public static EventParseResult Parse(JsonElement body) => Parse(body, routingField: null);

    /// <summary>
    /// Parses an event body that also names where it goes (an import line's <c>aNumber</c>): the
    /// <paramref name="routingField"/> is read as a field only by event types that have it
    /// (a CaseOpened names its A-number) and is otherwise left to the caller.
    /// </summary>
    public static EventParseResult Parse(JsonElement body, string? routingField)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return EventParseResult.Failed("the event must be a JSON object {type, on, ...fields}");
        }

        var errors = new List<string>();
        string? type = null;
        LocalDate? on = null;
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement? routing = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type":
                    type = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (type is null)
                    {
                        errors.Add("type: must be a string naming an event type");
                    }

                    break;
                case "on":
                    on = ParseDate("on", property.Value, errors);
                    break;
                case var name when name == routingField:
                    if (routing is not null)
                    {
                        errors.Add($"{name}: appears more than once");
                    }

                    routing = property.Value;
                    break;
                default:
                    if (!fields.TryAdd(property.Name, property.Value))
                    {
                        errors.Add($"{property.Name}: appears more than once");
                    }

                    break;
            }
        }

        if (type is null && !body.TryGetProperty("type", out _))
        {
            errors.Add("type: is required");
        }

        if (on is null && !body.TryGetProperty("on", out _))
        {
            errors.Add("on: is required (the legal effective date, YYYY-MM-DD)");
        }

        if (type is not null && !EventTypes.ByName.ContainsKey(type))
        {
            errors.Add($"type: '{type}' is not an event type of the v1 vocabulary");
            type = null;
        }

        if (type is null || on is null || errors.Count > 0)
        {
            return EventParseResult.Failed(errors);
        }

        if (routing is { } value && ShapeOf(EventTypes.ByName[type]).Known.ContainsKey(routingField!))
        {
            fields[routingField!] = value;
        }

        return ParseFields(type, on.Value, fields);
    }

    /// <summary>Parses a stored payload (the fields other than type and on).</summary>
    public static EventParseResult ParsePayload(string type, LocalDate on, string payload)
    {
        if (!EventTypes.ByName.ContainsKey(type))
        {
            return EventParseResult.Failed($"type: '{type}' is not an event type of the v1 vocabulary");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return EventParseResult.Failed("payload: is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return EventParseResult.Failed("payload: must be a JSON object");
            }

            var fields = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return ParseFields(type, on, fields);
        }
    }

    /// <summary>The canonical payload text: the event's fields other than type and on.</summary>
    public static string SerializePayload(CaseEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    /// <summary>The full wire body <c>{type, on, ...fields}</c>.</summary>
    public static string SerializeBody(CaseEvent @event)
    {
        var payload = SerializePayload(@event);
        var head = $"{{\"type\":\"{@event.Type}\",\"on\":\"{DatePattern.Format(@event.On)}\"";
        return payload == "{}" ? head + "}" : head + "," + payload[1..];
    }

    private static EventParseResult ParseFields(string type, LocalDate on, Dictionary<string, JsonElement> fields)
    {
        var (info, known) = ShapeOf(EventTypes.ByName[type]);
        var errors = new List<string>();

        foreach (var (name, value) in fields)
        {
            if (!known.TryGetValue(name, out var property))
            {
                errors.Add($"{name}: is not a field of {type}");
                continue;
            }

            CheckValue(name, property, value, errors);
        }

        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false } && !fields.ContainsKey(property.Name))
            {
                errors.Add($"{property.Name}: is required for {type}");
            }
        }

        if (errors.Count > 0)
        {
            return EventParseResult.Failed(errors);
        }

        CaseEvent @event;
        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in fields)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            @event = (CaseEvent)JsonSerializer.Deserialize(buffer.WrittenSpan, info)!;
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..] : type;
            var reason = ex.Message.Split(" Path:", 2)[0];
            return EventParseResult.Failed($"{field}: {reason}");
        }

        @event = @event with { On = on };
        errors.AddRange(EventShape.Check(@event));
        return errors.Count > 0 ? EventParseResult.Failed(errors) : EventParseResult.Parsed(WithCanonicalReplacement(@event));
    }

    private static (JsonTypeInfo Info, FrozenDictionary<string, JsonPropertyInfo> Known) ShapeOf(Type clrType) =>
        Shapes.GetOrAdd(clrType, t =>
        {
            var typeInfo = Options.GetTypeInfo(t);
            return (typeInfo, typeInfo.Properties.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal));
        });

    /// <summary>
    /// A correction's replacement is part of its payload, so it is held in canonical form too:
    /// the same replacement spelt with fields in another order or other spacing must give the
    /// same payload, and so the same hash. Called only once the replacement is known to parse.
    /// </summary>
    private static CaseEvent WithCanonicalReplacement(CaseEvent @event) =>
        @event is EntryCorrected corrected && Parse(corrected.Replacement).Event is { } replacement
            ? corrected with { Replacement = JsonSerializer.Deserialize<JsonElement>(SerializeBody(replacement)) }
            : @event;

    private static void CheckValue(string name, JsonPropertyInfo property, JsonElement value, List<string> errors)
    {
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false })
            {
                errors.Add($"{name}: must not be null");
            }

            return;
        }

        if (target.IsEnum)
        {
            var allowed = EnumNames.GetOrAdd(target, t => [.. Enum.GetNames(t).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n))]);
            if (value.ValueKind != JsonValueKind.String || !allowed.Contains(value.GetString(), StringComparer.Ordinal))
            {
                errors.Add($"{name}: must be one of {string.Join(", ", allowed)}");
            }
        }
        else if (target == typeof(string))
        {
            CheckText(name, value, errors);
        }
        else if (target == typeof(LocalDate))
        {
            ParseDate(name, value, errors);
        }
        else if (target == typeof(bool) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{name}: must be true or false");
        }
        else if (target == typeof(IReadOnlyList<string>))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{name}: must be an array of strings");
                return;
            }

            foreach (var item in value.EnumerateArray())
            {
                CheckText($"{name}[]", item, errors);
            }
        }
    }

    private static void CheckText(string name, JsonElement value, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{name}: must be a string");
        }
        else if (string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{name}: must not be blank");
        }
        else if (value.GetString()!.Length > MaxTextLength)
        {
            errors.Add($"{name}: is longer than {MaxTextLength} characters");
        }
    }

    /// <summary>
    /// Reads a wire date: exactly YYYY-MM-DD, a real calendar day, within
    /// <see cref="EarliestDate"/>..<see cref="LatestDate"/>. For query strings as well as bodies.
    /// </summary>
    public static bool TryParseDate(string? text, out LocalDate date)
    {
        date = default;
        if (text is not { Length: 10 } || !char.IsAsciiDigit(text[0]) || DatePattern.Parse(text) is not { Success: true } parsed
            || parsed.Value < EarliestDate || parsed.Value > LatestDate)
        {
            return false;
        }

        date = parsed.Value;
        return true;
    }

    private static LocalDate? ParseDate(string name, JsonElement value, List<string> errors)
    {
        // The ISO pattern also reads signed years ("-0001-01-01"); the wire form is exactly
        // YYYY-MM-DD, so anything but ten characters starting with a digit is refused first.
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 10 } text && char.IsAsciiDigit(text[0])
            && DatePattern.Parse(text) is { Success: true } parsed)
        {
            if (parsed.Value < EarliestDate || parsed.Value > LatestDate)
            {
                // Legal clocks add days and years to these dates; far-off years are typing errors.
                errors.Add($"{name}: {text} is outside the years {EarliestDate.Year} to {LatestDate.Year}");
                return null;
            }

            return parsed.Value;
        }

        errors.Add($"{name}: must be a real calendar date written YYYY-MM-DD");
        return null;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            // Payloads are stored and hashed, never embedded in HTML: keep names readable
            // ("Peña", not "Pe\u00F1a") for an auditor reading the table with plain SQL.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new CountryCodeJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }
}
