using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Docket.Domain.Events;

namespace Docket.Store.Import;

public enum ImportFormat { Ndjson, Csv }

/// <summary>
/// Reads an import file as a stream of lines (NDJSON) or rows (CSV), so memory stays flat
/// whatever the file's size. <see cref="BytesRead"/> drives the progress bar.
/// </summary>
public sealed class ImportFile(string path, ImportFormat format)
{
    public string Path { get; } = path;

    public ImportFormat Format { get; } = format;

    public long Length { get; } = new FileInfo(path).Length;

    public long BytesRead { get; private set; }

    public static ImportFormat DetectFormat(string path) =>
        System.IO.Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv : ImportFormat.Ndjson;

    /// <summary>
    /// The file's lines in order, a batch at a time, still unparsed (NDJSON) or as a JSON object
    /// per row (CSV), so that the caller can parse a batch on every core.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<RawLine>> ReadBatchesAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var batch = new List<RawLine>(batchSize);
        var lines = Format == ImportFormat.Csv ? ReadCsvAsync(stream, cancellationToken) : ReadNdjsonAsync(stream, cancellationToken);
        await foreach (var line in lines)
        {
            batch.Add(line);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<RawLine>(batchSize);
            }
        }

        BytesRead = Length;
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async IAsyncEnumerable<RawLine> ReadNdjsonAsync(FileStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        long line = 0;
        await Task.Yield();

        // Synchronous reads from the stream's buffer: an await per line costs more than the line.
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                BytesRead = stream.Position;
                yield return new RawLine(line, text, null, null);
            }
        }
    }

    private async IAsyncEnumerable<RawLine> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
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

            yield return error is null ? new RawLine(line, null, json, null) : new RawLine(line, null, null, error);
        }
    }

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

/// <summary>
/// One line of an import file before it is parsed: an NDJSON line's <see cref="Text"/>, or a CSV
/// row already made into a JSON object (<see cref="Row"/>), or why the row could not be read.
/// </summary>
public readonly record struct RawLine(long Line, string? Text, JsonObject? Row, string? Error);
