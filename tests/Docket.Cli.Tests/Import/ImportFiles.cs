using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Cli.Tests.Infrastructure;
using Docket.Store.Events;

namespace Docket.Cli.Tests.Import;

/// <summary>One line of a <c>docket export</c>, read back, with the text it was read from.</summary>
public sealed record ExportedEvent(
    string Line, long Position, string ANumber, int Version, string Type, string On, string RecordedAt, string RecordedBy, string Payload, string PrevHash, string Hash)
{
    public static ExportedEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string Text(string name) => root.GetProperty(name).GetString()!;
        return new ExportedEvent(
            line,
            root.GetProperty("position").GetInt64(),
            Text("aNumber"),
            root.GetProperty("version").GetInt32(),
            Text("type"),
            Text("on"),
            Text("recordedAt"),
            Text("recordedBy"),
            Text("payload"),
            Text("prevHash"),
            Text("hash"));
    }

    /// <summary>The plain event line for this event: <c>{aNumber, type, on, ...payload fields}</c>.</summary>
    public JsonObject ToPlain()
    {
        var plain = new JsonObject { ["aNumber"] = ANumber, ["type"] = Type, ["on"] = On };
        foreach (var (name, value) in JsonNode.Parse(Payload)!.AsObject())
        {
            // A CaseOpened names its own A-number in its payload: the same value, already first.
            if (name != "aNumber")
            {
                plain[name] = value?.DeepClone();
            }
        }

        return plain;
    }

    /// <summary>The line as a JSON object, to alter a field.</summary>
    public JsonObject ToJson() => JsonNode.Parse(Line)!.AsObject();
}

/// <summary>Builds import files from exports: export lines, plain NDJSON lines and plain CSV rows.</summary>
public static class ImportFiles
{
    /// <summary>Runs <c>docket export</c> and returns its standard output, one line an event.</summary>
    public static async Task<string> ExportAsync(string db)
    {
        var run = await Shell.RunAsync("export", "--db", db);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.Empty(run.Stderr);
        return run.Stdout;
    }

    public static IReadOnlyList<ExportedEvent> Read(string export) =>
        export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ExportedEvent.Parse).ToList();

    public static string Ndjson(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public static string Ndjson(IEnumerable<JsonObject> lines) => Ndjson(lines.Select(l => l.ToJsonString()));

    /// <summary>
    /// Plain event rows as CSV: a header with the union of the field names (in the order first
    /// seen), a cell per field; strings as they are, arrays, booleans and numbers written as
    /// JSON; an absent field an empty cell. Quoted as RFC 4180 says.
    /// </summary>
    public static string Csv(IReadOnlyList<JsonObject> rows)
    {
        var header = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (name, _) in row)
            {
                if (seen.Add(name))
                {
                    header.Add(name);
                }
            }
        }

        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', header.Select(name => Quote(row[name] switch
            {
                null => "",
                JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
                var node => node.ToJsonString(),
            }))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>An export line as <c>docket export</c> writes it, its hash computed from its content.</summary>
    public static (string Line, byte[] Hash) MakeExportLine(long position, string aNumber, int version, string type, string on, string recordedAt, string recordedBy, string payload, byte[] prevHash)
    {
        var row = new EventRow
        {
            Position = position,
            ANumber = aNumber,
            Version = version,
            Type = type,
            EffectiveOn = on,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
            Payload = payload,
            PrevHash = prevHash,
            Hash = [],
        };
        row.Hash = EventHash.Compute(row);
        return (Docket.Cli.Commands.ExportLine.Write(row), row.Hash);
    }

    public static Task<long> EventCountAsync(TestDatabase database) => database.ScalarAsync("SELECT COUNT(*) FROM events");

    /// <summary>A string for SQL, from a value the test made itself (digits).</summary>
    public static string Sql(string digits) => "'" + digits.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A temp folder for a test's import files, removed with the test.</summary>
public sealed class TempFolder
{
    private readonly string path = Directory.CreateTempSubdirectory("docket-test-files-").FullName;

    public string Path => path;

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(path, name);
        File.WriteAllText(file, content, new UTF8Encoding(false));
        return file;
    }

    public void Delete()
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's own cleaning.
        }
    }
}
