using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using NodaTime;

namespace Docket.Store.Import;

/// <summary>
/// Turns one JSON object (an NDJSON line, or a CSV row made into one) into an
/// <see cref="ImportRecord"/>, with the same strict checks as the API: the event must be well
/// formed, and an export line's fields must be exactly those of DESIGN.md.
/// </summary>
public static class ImportLineParser
{
    private static readonly string[] ExportFields = ["position", "aNumber", "version", "type", "on", "recordedAt", "recordedBy", "payload", "prevHash", "hash"];

    /// <param name="line">The line number, for messages.</param>
    /// <param name="json">The line's object.</param>
    /// <param name="alreadyChecked">The first pass checked this line: an export line's payload need not be parsed again.</param>
    public static (ImportRecord? Record, ImportError? Error) Parse(long line, JsonObject json, bool alreadyChecked = false)
    {
        var aNumberText = json["aNumber"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!ANumber.TryParse(aNumberText, out var aNumber))
        {
            return (null, new ImportError(line, "", $"aNumber: '{aNumberText}' must be 9 digits ('A' prefix, spaces and dashes allowed)"));
        }

        var digits = aNumber.Value.Digits;
        return json.ContainsKey("hash") || json.ContainsKey("payload")
            ? ParseExported(line, digits, json, alreadyChecked)
            : ParsePlain(line, digits, json);
    }

    private static (ImportRecord?, ImportError?) ParseExported(long line, string aNumber, JsonObject json, bool alreadyChecked)
    {
        ImportError Fail(string reason) => new(line, aNumber, reason);

        var extra = json.Select(p => p.Key).Except(ExportFields, StringComparer.Ordinal).ToList();
        var missing = ExportFields.Except(json.Select(p => p.Key), StringComparer.Ordinal).ToList();
        if (extra.Count > 0 || missing.Count > 0)
        {
            return (null, Fail($"an export line has exactly the fields {string.Join(", ", ExportFields)}" +
                (missing.Count > 0 ? $"; missing {string.Join(", ", missing)}" : "") + (extra.Count > 0 ? $"; unknown {string.Join(", ", extra)}" : "")));
        }

        string? Text(string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (Text("aNumber") != aNumber)
        {
            return (null, Fail("aNumber: an export line carries the normalised A-number (9 digits)"));
        }

        if (json["version"] is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version) || version < 1)
        {
            return (null, Fail("version: must be a whole number, 1 or more"));
        }

        if (Text("type") is not { } type || Text("on") is not { } on || Text("recordedAt") is not { } recordedAt
            || Text("recordedBy") is not { } recordedBy || Text("payload") is not { } payload)
        {
            return (null, Fail("type, on, recordedAt, recordedBy and payload must be strings"));
        }

        if (!TryHash(Text("prevHash"), out var prevHash) || !TryHash(Text("hash"), out var hash))
        {
            return (null, Fail("prevHash and hash must be 64 lowercase hex digits"));
        }

        if (ParseDate(on) is not { } date)
        {
            return (null, Fail($"on: '{on}' must be a real calendar date written YYYY-MM-DD"));
        }

        var parsed = alreadyChecked ? null : EventJson.ParsePayload(type, date, payload);
        if (parsed is { Succeeded: false })
        {
            return (null, Fail(string.Join("; ", parsed.Errors)));
        }

        return (new ImportRecord(line, aNumber, type, on, payload)
        {
            Exported = new ExportedFields(version, recordedAt, recordedBy, prevHash, hash),
        }, null);
    }

    private static (ImportRecord?, ImportError?) ParsePlain(long line, string aNumber, JsonObject json)
    {
        var body = json.DeepClone().AsObject();
        if (body["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type) || type != nameof(CaseOpened))
        {
            // Only the opening names its A-number as a field of the event itself.
            body.Remove("aNumber");
        }

        var parsed = EventJson.Parse(JsonSerializer.SerializeToElement(body));
        if (parsed.Event is not { } @event)
        {
            return (null, new ImportError(line, aNumber, string.Join("; ", parsed.Errors)));
        }

        if (@event is CaseOpened opened)
        {
            @event = CaseLog.Normalise(opened);
        }

        return (new ImportRecord(line, aNumber, @event.Type, EventJson.DatePattern.Format(@event.On), EventJson.SerializePayload(@event)), null);
    }

    private static LocalDate? ParseDate(string text) =>
        text.Length == 10 && EventJson.DatePattern.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    private static bool TryHash(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is not { Length: 64 } || hex.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }
}
