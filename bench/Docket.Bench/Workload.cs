using System.Text.Json.Nodes;
using Docket.Cli.Demo;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Bench;

/// <summary>
/// The synthetic caseload every measurement uses: the demo generator's invented people and
/// lifecycles (about 6 to 8 events a case), written once as plain event lines.
/// </summary>
internal static class Workload
{
    public static async Task<(long Events, long Bytes)> WriteAsync(string path, int cases, int seed)
    {
        var today = new LocalDate(2026, 11, 29);
        long events = 0;
        await using (var writer = new StreamWriter(path))
        {
            foreach (var demo in DemoData.Generate(cases, seed, today))
            {
                foreach (var @event in demo.Events)
                {
                    var line = JsonNode.Parse(EventJson.SerializeBody(@event))!.AsObject();
                    if (@event is not CaseOpened)
                    {
                        line.Insert(0, "aNumber", demo.ANumber.Digits);
                    }

                    await writer.WriteLineAsync(line.ToJsonString());
                    events++;
                }
            }
        }

        return (events, new FileInfo(path).Length);
    }
}
