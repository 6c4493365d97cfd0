using System.Text.Json;
using NodaTime;

namespace Docket.Domain.Events;

/// <summary>
/// Reads the wire form <c>{type, on, ...fields}</c> strictly: unknown type, unknown field,
/// missing field, wrong value, a key given twice, text that is not text: all refused with a
/// reason naming the field, because a silently dropped or misread field in a legal record is a
/// lost fact. Never throws on any JSON it is given.
/// </summary>
internal static class StrictReader
{
    /// <summary>
    /// The deepest nesting an event may have: the body, a correction's replacement, a list in
    /// it. A little room beyond that; anything deeper is no event.
    /// </summary>
    public const int MaxDepth = 5;

    public static EventParseResult Read(JsonElement body, string? routingField, Reading reading)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return EventParseResult.Failed("the event must be a JSON object {type, on, ...fields}");
        }

        // From here on every key is unique and every string can be read as text.
        if (StrictJson.Problems(body, MaxDepth) is { Count: > 0 } problems)
        {
            return EventParseResult.Failed(problems);
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
                    type = StrictJson.TryGetText(property.Value, out var text) ? text : null;
                    if (type is null)
                    {
                        errors.Add("type: must be a string naming an event type");
                    }

                    break;
                case "on":
                    on = WireDates.Read("on", property.Value, errors);
                    break;
                case var name when name == routingField:
                    routing = property.Value;
                    break;
                default:
                    fields.Add(property.Name, property.Value);
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

        if (routing is { } value && EventFields.Of(EventTypes.ByName[type]).ByName.ContainsKey(routingField!))
        {
            fields[routingField!] = value;
        }

        return ReadFields(type, on.Value, fields, reading);
    }

    /// <summary>Reads a stored payload (the fields other than type and on).</summary>
    public static EventParseResult ReadPayload(string type, LocalDate on, string payload)
    {
        if (!EventTypes.ByName.ContainsKey(type))
        {
            return EventParseResult.Failed($"type: '{type}' is not an event type of the v1 vocabulary");
        }

        JsonDocument document;
        try
        {
            // Duplicates and depth are refused by the walk below, which names the field in full.
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return EventParseResult.Failed($"payload: is not valid JSON ({ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return EventParseResult.Failed("payload: must be a JSON object");
            }

            if (StrictJson.Problems(root, MaxDepth) is { Count: > 0 } problems)
            {
                return EventParseResult.Failed(problems);
            }

            var fields = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            return ReadFields(type, on, fields, Reading.StoredFact);
        }
    }

    private static EventParseResult ReadFields(string type, LocalDate on, Dictionary<string, JsonElement> fields, Reading reading)
    {
        var shape = EventFields.Of(EventTypes.ByName[type]);
        var errors = new List<string>();
        foreach (var (name, value) in fields)
        {
            if (shape.ByName.TryGetValue(name, out var field))
            {
                FieldValues.Check(field, value, reading, errors);
            }
            else
            {
                errors.Add($"{name}: is not a field of {type}");
            }
        }

        foreach (var field in shape.All)
        {
            if (field.IsRequired(reading) && !fields.ContainsKey(field.Name))
            {
                errors.Add($"{field.Name}: is required for {type}");
            }
        }

        errors.AddRange(EventShape.CheckFields(type, fields));
        if (errors.Count > 0)
        {
            return EventParseResult.Failed(errors);
        }

        var (@event, error) = Deserialize(type, fields, shape);
        if (@event is null)
        {
            return EventParseResult.Failed(error!);
        }

        @event = @event with { On = on };
        errors.AddRange(EventShape.Check(@event, reading));
        return errors.Count > 0 ? EventParseResult.Failed(errors) : EventParseResult.Parsed(WithCanonicalReplacement(@event, reading));
    }

    /// <summary>
    /// Every value was checked above, so this does not fail on anything the checks know; a
    /// JsonException left over is still reported, never thrown.
    /// </summary>
    private static (CaseEvent? Event, string? Error) Deserialize(string type, Dictionary<string, JsonElement> fields, EventFields shape)
    {
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

            return ((CaseEvent)JsonSerializer.Deserialize(buffer.WrittenSpan, shape.Info)!, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..] : type;
            return (null, $"{field}: {ex.Message.Split(" Path:", 2)[0]}");
        }
    }

    /// <summary>
    /// A correction's replacement is part of its payload, so it is held in canonical form too:
    /// the same replacement spelt with fields in another order or other spacing must give the
    /// same payload, and so the same hash. Called only once the replacement is known to parse.
    /// </summary>
    private static CaseEvent WithCanonicalReplacement(CaseEvent @event, Reading reading) =>
        @event is EntryCorrected corrected && Read(corrected.Replacement, null, reading).Event is { } replacement
            ? corrected with { Replacement = JsonSerializer.Deserialize<JsonElement>(CanonicalWriter.Body(replacement)) }
            : @event;
}
