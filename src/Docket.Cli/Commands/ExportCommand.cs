using System.CommandLine;
using System.Text.Json;
using Docket.Store.Events;

namespace Docket.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CliOptions.Database();
        var command = new Command("export", "Write every event in position order as NDJSON (payload as a JSON string) to standard output.") { db };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CliOptions.OpenExistingAsync(parse.GetValue(db)!, "export reads an existing database", ct);
            var output = parse.InvocationConfiguration.Output;
            await foreach (var row in new EventReader(database).ReadAllAsync(ct))
            {
                await output.WriteLineAsync(ExportLine.Write(row));
            }

            await output.FlushAsync(ct);
            return DocketCli.Ok;
        });
        return command;
    }
}

/// <summary>One line of an export: exactly the event log fields of docs/architecture.md.</summary>
public static class ExportLine
{
    public static string Write(EventRow row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("position", row.Position);
            json.WriteString("aNumber", row.ANumber);
            json.WriteNumber("version", row.Version);
            json.WriteString("type", row.Type);
            json.WriteString("on", row.EffectiveOn);
            json.WriteString("recordedAt", row.RecordedAt);
            json.WriteString("recordedBy", row.RecordedBy);
            json.WriteString("payload", row.Payload);
            json.WriteString("prevHash", EventHash.ToHex(row.PrevHash));
            json.WriteString("hash", EventHash.ToHex(row.Hash));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
