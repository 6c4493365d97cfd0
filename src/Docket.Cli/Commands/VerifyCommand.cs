using System.CommandLine;
using Docket.Store.Events;
using Spectre.Console;

namespace Docket.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var db = CliOptions.Database();
        var command = new Command("verify", "Recompute every case's hash chain; exit 0 if intact, 1 naming the first event that does not match.") { db };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CliOptions.OpenAsync(parse.GetValue(db)!, ct);
            var reader = new EventReader(database);
            var total = await reader.CountAsync(ct);
            var report = await Progress.RunAsync("Verifying", total, progress => ChainVerifier.VerifyAsync(reader.ReadAllAsync(ct), progress, ct));
            var output = parse.InvocationConfiguration.Output;
            if (report.FirstBad is { } bad)
            {
                await output.WriteLineAsync($"NOT INTACT: {bad}");
                return DocketCli.Tampered;
            }

            await output.WriteLineAsync($"intact: {report.EventsChecked} events in {report.CasesChecked} cases, every hash chain recomputed");
            return DocketCli.Ok;
        });
        return command;
    }
}

/// <summary>A progress bar on the terminal for long work; silent when output is redirected.</summary>
internal static class Progress
{
    public static async Task<T> RunAsync<T>(string label, long total, Func<IProgress<long>, Task<T>> work)
    {
        if (Console.IsErrorRedirected || total < 50_000)
        {
            return await work(new Progress<long>());
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: total);
                return await work(new SyncProgress(value => task.Value = value));
            });
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
