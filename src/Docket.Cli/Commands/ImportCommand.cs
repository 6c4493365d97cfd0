using System.CommandLine;
using Docket.Store.Events;
using Docket.Store.Import;
using NodaTime;
using Spectre.Console;

namespace Docket.Cli.Commands;

internal static class ImportCommand
{
    private const int ErrorsShown = 20;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "an export (NDJSON or CSV; hashes re-checked) or plain event lines {aNumber, type, on, ...fields}" };
        var db = CliOptions.Database();
        var onError = new Option<string>("--on-error") { Description = "stop (default: nothing is written if any line is bad) or skip (import every case without a bad line)", DefaultValueFactory = _ => "stop" };
        onError.AcceptOnlyFromAmong("stop", "skip");
        var format = new Option<string?>("--format") { Description = "ndjson or csv (default: from the file name, .csv or NDJSON)" };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var exitRecords = new Option<bool>("--exit-records") { Description = "the file holds departure reports (exit records, carrier manifests) for cases already in the log: {aNumber, type: DepartureReported, on, destinationCountry, source, port?, mode?, evidence?}" };
        var command = new Command("import", "Import events; idempotent and safe to run again after a crash.") { file, db, onError, format, exitRecords };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"docket: there is no file {path.FullName}");
                return DocketCli.Failed;
            }

            var importFormat = parse.GetValue(format) switch
            {
                "csv" => ImportFormat.Csv,
                "ndjson" => ImportFormat.Ndjson,
                _ => ImportFile.DetectFormat(path.FullName),
            };
            var (database, usingLine) = await CliOptions.OpenOrCreateAsync(parse.GetValue(db)!, ct);
            await using var writer = new EventWriter(database, SystemClock.Instance);
            var importer = new Importer(database, writer, Docket.Domain.Calendar.LegalClock.InDefaultZone(SystemClock.Instance));
            var mode = parse.GetValue(onError) == "skip" ? OnImportError.Skip : OnImportError.Stop;
            if (parse.GetValue(exitRecords))
            {
                var clock = Docket.Domain.Calendar.LegalClock.InDefaultZone(SystemClock.Instance);
                var cases = new Docket.Store.Cases.CaseLog(writer, new EventReader(database), Docket.Domain.Calendar.CourtCalendar.Default, clock);
                var exits = await new ExitRecordImport(cases).RunAsync(new ImportFile(path.FullName, importFormat), mode, "import", ct);
                return await ExitRecordReport.WriteAsync(parse.InvocationConfiguration, exits, path.Name, database.Target.ToString(), usingLine);
            }

            var result = await RunWithProgressAsync(path, importFormat, importer, mode, ct);
            return await ReportAsync(parse.InvocationConfiguration, result, path.Name, database.Target.ToString(), usingLine);
        });
        return command;
    }

    private static async Task<ImportResult> RunWithProgressAsync(FileInfo path, ImportFormat format, Importer importer, OnImportError mode, CancellationToken ct)
    {
        var file = new ImportFile(path.FullName, format);
        if (Console.IsErrorRedirected)
        {
            return await importer.RunAsync(file, mode, null, ct);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SyncProgress<ImportProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: Math.Max(p.Total, 1));
                    }

                    task.Value = p.Done;
                });
                return await importer.RunAsync(file, mode, progress, ct);
            });
    }

    private static async Task<int> ReportAsync(InvocationConfiguration io, ImportResult result, string fileName, string target, string usingLine)
    {
        var check = result.Check;
        foreach (var error in check.Errors.Take(ErrorsShown))
        {
            await io.Error.WriteLineAsync($"docket: {fileName}: {error}");
        }

        if (check.ErrorCount > ErrorsShown)
        {
            await io.Error.WriteLineAsync($"docket: ... and {check.ErrorCount - ErrorsShown} more bad lines");
        }

        if (result.Stopped)
        {
            await io.Error.WriteLineAsync($"docket: {check.ErrorCount} bad lines in {fileName}; nothing was imported (use --on-error skip to import the cases without bad lines)");
            // 2, not 1: the command could not run on this file. 1 means verify found tampering.
            return DocketCli.Failed;
        }

        await io.Error.WriteLineAsync(usingLine);
        await io.Output.WriteLineAsync(
            $"Imported {result.Imported} events into {result.Cases} cases in {target}" +
            (result.AlreadyPresent > 0 ? $"; {result.AlreadyPresent} were already there" : "") +
            (result.SkippedLines > 0 ? $"; skipped {result.SkippedLines} lines of {check.BadCases.Count} cases with bad lines" : "") + ".");
        return DocketCli.Ok;
    }
}
