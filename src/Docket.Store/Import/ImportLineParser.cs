using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using NodaTime;

namespace Docket.Store.Import;

/// <summary>A line once parsed: its record and the event it carries, or why it was refused.</summary>
public sealed record ParsedLine(long Line, ImportRecord? Record, CaseEvent? Event, ImportError? Error);

/// <summary>
/// Turns one line (an NDJSON line, or a CSV row made into a JSON object) into an
/// <see cref="ImportRecord"/>, with the same strict checks as the API: the event must be well
/// formed, and an export line's fields must be exactly those of docs/architecture.md. Each line is parsed
/// once; lines are independent, so a batch can be parsed on every core.
/// </summary>
public static partial class ImportLineParser
{
    private static readonly string[] ExportFields = ["position", "aNumber", "version", "type", "on", "recordedAt", "recordedBy", "payload", "prevHash", "hash"];

    public static ParsedLine Parse(RawLine raw)
    {
        if (raw.Error is { } readError)
        {
            return Failed(raw.Line, "", readError);
        }

        JsonDocument document;
        try
        {
            document = raw.Row is { } row ? JsonSerializer.SerializeToDocument(row) : JsonDocument.Parse(raw.Text!);
        }
        catch (JsonException ex)
        {
            // The line is unreadable, but the case it belongs to must still be known, so that
            // --on-error skip leaves that whole case out rather than import it with a gap.
            return Failed(raw.Line, ANumberNamedIn(raw.Text), $"not well-formed JSON ({ex.Message.Split(" Path:", 2)[0].TrimEnd('.')})");
        }

        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
            {
                return Failed(raw.Line, ANumberNamedIn(raw.Text), "each line must be one JSON object");
            }

            // Keys and strings that are not text (an escaped lone surrogate) would throw when
            // read, and a key given twice would be read two ways: the line is refused by number.
            // (Not JsonDocumentOptions.AllowDuplicateProperties: its check reads every key and
            // throws InvalidOperationException on a lone surrogate in one.)
            if (StrictJson.Problems(json, EventJson.MaxDepth) is { Count: > 0 } problems)
            {
                return Failed(raw.Line, ANumberNamedIn(raw.Text), string.Join("; ", problems));
            }

            var aNumberText = json.TryGetProperty("aNumber", out var a) && StrictJson.TryGetText(a, out var text) ? text : null;
            if (!ANumber.TryParse(aNumberText, out var aNumber))
            {
                return Failed(raw.Line, "", $"aNumber: '{aNumberText}' must be 9 digits ('A' prefix, spaces and dashes allowed)");
            }

            var digits = aNumber.Value.Digits;
            return json.TryGetProperty("hash", out _) || json.TryGetProperty("payload", out _)
                ? ParseExported(raw.Line, digits, json)
                : ParsePlain(raw.Line, digits, json);
        }
    }

    private static ParsedLine Failed(long line, string aNumber, string reason) => new(line, null, null, new ImportError(line, aNumber, reason));

    private static ParsedLine ParseExported(long line, string aNumber, JsonElement json)
    {
        ParsedLine Fail(string reason) => Failed(line, aNumber, reason);

        var names = json.EnumerateObject().Select(p => p.Name).ToList();
        var extra = names.Except(ExportFields, StringComparer.Ordinal).ToList();
        var missing = ExportFields.Except(names, StringComparer.Ordinal).ToList();
        if (extra.Count > 0 || missing.Count > 0)
        {
            return Fail($"an export line has exactly the fields {string.Join(", ", ExportFields)}" +
                (missing.Count > 0 ? $"; missing {string.Join(", ", missing)}" : "") + (extra.Count > 0 ? $"; unknown {string.Join(", ", extra)}" : ""));
        }

        string? Text(string name) => StrictJson.TryGetText(json.GetProperty(name), out var text) ? text : null;
        if (Text("aNumber") != aNumber)
        {
            return Fail("aNumber: an export line carries the normalised A-number (9 digits)");
        }

        if (json.GetProperty("version") is not { ValueKind: JsonValueKind.Number } versionValue || !versionValue.TryGetInt32(out var version) || version < 1)
        {
            return Fail("version: must be a whole number, 1 or more");
        }

        if (Text("type") is not { } type || Text("on") is not { } on || Text("recordedAt") is not { } recordedAt
            || Text("recordedBy") is not { } recordedBy || Text("payload") is not { } payload)
        {
            return Fail("type, on, recordedAt, recordedBy and payload must be strings");
        }

        if (!TryHash(Text("prevHash"), out var prevHash) || !TryHash(Text("hash"), out var hash))
        {
            return Fail("prevHash and hash must be 64 lowercase hex digits");
        }

        if (ParseDate(on) is not { } date)
        {
            return Fail($"on: '{on}' must be a real calendar date written YYYY-MM-DD");
        }

        var parsed = EventJson.ParsePayload(type, date, payload);
        if (parsed.Event is null)
        {
            return Fail(string.Join("; ", parsed.Errors));
        }

        var record = new ImportRecord(line, aNumber, type, on, payload)
        {
            Exported = new ExportedFields(version, recordedAt, recordedBy, prevHash, hash),
        };
        return new ParsedLine(line, record, parsed.Event, null);
    }

    private static ParsedLine ParsePlain(long line, string aNumber, JsonElement json)
    {
        // Only the opening names its A-number as a field of the event itself.
        var parsed = EventJson.Parse(json, routingField: "aNumber");
        if (parsed.Event is not { } @event)
        {
            return Failed(line, aNumber, string.Join("; ", parsed.Errors));
        }

        if (@event is CaseOpened opened)
        {
            @event = CaseLog.Normalise(opened);
        }

        var record = new ImportRecord(line, aNumber, @event.Type, EventJson.DatePattern.Format(@event.On), EventJson.SerializePayload(@event));
        return new ParsedLine(line, record, @event, null);
    }

    private static string ANumberNamedIn(string? text) =>
        text is not null && ANumberInText().Match(text) is { Success: true } match && ANumber.TryParse(match.Groups[1].Value, out var a)
            ? a.Value.Digits
            : "";

    [System.Text.RegularExpressions.GeneratedRegex("\"aNumber\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ANumberInText();

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
