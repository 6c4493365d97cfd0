using System.CommandLine;
using Docket.Cli.Demo;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Cli.Commands;

internal static class DemoCommand
{
    public const string DemoAuthor = "demo-generator";

    public static Command Create()
    {
        var db = CliOptions.Database();
        var cases = new Option<int>("--cases") { Description = "how many synthetic cases to add", DefaultValueFactory = _ => 200 };
        var seed = new Option<int?>("--seed") { Description = "random seed, for the same cases every time" };
        var command = new Command("demo", "Add synthetic cases (invented people only) with varied lifecycles.") { cases, db, seed };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(cases);
            if (count is < 1 or > 5_000_000)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("docket: --cases must be between 1 and 5000000");
                return DocketCli.Failed;
            }

            var (database, usingLine) = await CliOptions.OpenOrCreateAsync(parse.GetValue(db)!, ct);
            var written = await SeedAsync(database, count, parse.GetValue(seed) ?? Environment.TickCount, ct);
            await parse.InvocationConfiguration.Error.WriteLineAsync(usingLine);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Added {written} synthetic cases to {database.Target}.");
            return DocketCli.Ok;
        });
        return command;
    }

    public static async Task<int> SeedAsync(Docket.Store.DocketDatabase database, int count, int seed, CancellationToken ct)
    {
        var clock = SystemClock.Instance;
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/New_York"]).Date;
        await using var writer = new EventWriter(database, clock);
        return await Progress.RunAsync("Generating cases", count, progress =>
            DemoData.SeedAsync(writer, DemoData.Generate(count, seed, today), DemoAuthor, progress, ct));
    }
}
