using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Docket.Domain.Events;

namespace Docket.Store.Import;

public enum ImportFormat { Ndjson, Csv }

/// <summary>
/// Reads an import file as a stream of JSON objects, one per line (NDJSON) or row (CSV), so
/// memory stays flat whatever the file's size. <see cref="BytesRead"/> drives the progress bar.
/// </summary>
public sealed partial class ImportFile(string path, ImportFormat format)
{
    /// <summary>Marks the stand-in object of an unreadable line that still names its case.</summary>
    public const string UnreadableMarker = "$unreadable";

    public string Path { get; } = path;

    public ImportFormat Format { get; } = format;

    public long Length { get; } = new FileInfo(path).Length;

    public long BytesRead { get; private set; }

    public static ImportFormat DetectFormat(string path) =>
        System.IO.Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv : ImportFormat.Ndjson;

    public async IAsyncEnumerable<(long Line, JsonObject? Json, string? Error)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (Format == ImportFormat.Csv)
        {
            await foreach (var item in ReadCsvAsync(stream, cancellationToken))
            {
                yield return item;
            }
        }
        else
        {
            using var reader = new StreamReader(stream);
            await foreach (var item in ReadNdjsonAsync(reader, cancellationToken))
            {
                BytesRead = stream.Position;
                yield return item;
            }
        }

        BytesRead = Length;
    }

    private static async IAsyncEnumerable<(long, JsonObject?, string?)> ReadNdjsonAsync(StreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonNode? node = null;
            string? error = null;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                error = $"not well-formed JSON ({ex.Message.Split(" Path:", 2)[0].TrimEnd('.')})";
            }

            if (node is JsonObject json)
            {
                yield return (line, json, null);
                continue;
            }

            // The line is unreadable, but the case it belongs to must still be known, so that
            // --on-error skip leaves that whole case out rather than import it with a gap.
            var aNumber = ANumberInText().Match(text);
            yield return (line, aNumber.Success ? new JsonObject { ["aNumber"] = aNumber.Groups[1].Value, [UnreadableMarker] = true } : null,
                error ?? "each line must be one JSON object");
        }
    }

    private async IAsyncEnumerable<(long, JsonObject?, string?)> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.ToArray();
        var exported = header.Contains("hash") && header.Contains("payload");
        var typeColumn = Array.IndexOf(header, "type");
        while (await csv.ReadAsync(cancellationToken))
        {
            BytesRead = csv.ByteOffset;
            var line = csv.LineNumber;
            var json = new JsonObject();
            string? error = null;
            var typeName = typeColumn >= 0 && typeColumn < csv.FieldCount ? csv.GetString(typeColumn) : null;
            for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
            {
                var cell = csv.GetString(i);
                if (string.IsNullOrEmpty(cell))
                {
                    continue;
                }

                try
                {
                    json[header[i]] = exported ? ExportCell(header[i], cell) : PlainCell(typeName, header[i], cell);
                }
                catch (Exception ex) when (ex is FormatException or JsonException or OverflowException)
                {
                    error = $"{header[i]}: {ex.Message}";
                    break;
                }
            }

            yield return error is null ? (line, json, null) : (line, null, error);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"aNumber\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ANumberInText();

    private static JsonValue ExportCell(string name, string cell) => name switch
    {
        "position" => JsonValue.Create(long.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture)),
        // An int, as the line parser reads it: a JsonValue made from a long never yields an int.
        "version" => JsonValue.Create(int.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(cell),
    };

    /// <summary>A plain row's cell, typed by the field it fills: booleans, numbers and lists are written as JSON.</summary>
    private static JsonNode PlainCell(string? typeName, string name, string cell)
    {
        var property = typeName is not null && EventTypes.ByName.TryGetValue(typeName, out var type)
            ? EventJson.Options.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == name)
            : null;
        var target = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (target == typeof(bool) || target == typeof(int) || target == typeof(JsonElement) || target.IsGenericType)
        {
            return JsonNode.Parse(cell) ?? throw new FormatException("must not be null");
        }

        return JsonValue.Create(cell);
    }
}
