using System.Text;
using System.Text.Json;
using Docket.Domain.Events;
using Docket.Store.Import;

namespace Docket.Fuzz;

/// <summary>
/// What the fuzzer feeds: bytes from outside, as a request body or an import file brings them.
/// A parser may refuse them (a well-formedness error, a list of problems) but never throw: any
/// exception that escapes a target is a crash for AFL, and a 500 or an aborted import in Docket.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> ByName { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["events"] = Events,
        ["import"] = ImportLines,
    };

    /// <summary>An event body as the API reads it (JSON, then the strict reader), and the same bytes as a stored payload.</summary>
    public static void Events(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonDocument document;
        try
        {
            // As the API parses a body (JsonBody): the strict walk happens in the reader.
            document = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return;
        }

        using (document)
        {
            var parsed = EventJson.Parse(document.RootElement);
            if (parsed.Event is { } accepted)
            {
                // What was accepted must write and read back: the canonical payload is what is hashed.
                var payload = EventJson.SerializePayload(accepted);
                var again = EventJson.ParsePayload(accepted.Type, accepted.On, payload);
                if (again.Event is null)
                {
                    throw new InvalidOperationException($"an accepted {accepted.Type} does not read back from its own payload: {string.Join("; ", again.Errors)}");
                }
            }
        }

        // The same bytes as the payload of a stored event (import of an export line).
        EventJson.ParsePayload("MailingAddressChanged", EventJson.EarliestDate, Text(input));
    }

    /// <summary>An import file: lines of NDJSON, each parsed on its own, as <c>docket import</c> reads them.</summary>
    public static void ImportLines(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var line = 0L;
        using var reader = new StringReader(Text(input));
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var parsed = ImportLineParser.Parse(new RawLine(line, text, null, null));
            if (parsed.Error is null == parsed.Record is null)
            {
                throw new InvalidOperationException($"line {line}: a parsed line has either a record or an error");
            }
        }
    }

    /// <summary>Bytes as the import file reader decodes them: UTF-8, invalid sequences replaced.</summary>
    private static string Text(byte[] input) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(input);
}
