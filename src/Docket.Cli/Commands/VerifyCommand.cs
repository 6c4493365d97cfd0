using System.CommandLine;
using Docket.Domain.Audit;
using Docket.Store.Audit;
using Docket.Store.Events;
using Spectre.Console;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket verify [--checkpoint FILE] [--key PATH]</c>: every case chain, every event against
/// the Merkle leaf recorded for it, every checkpoint's signature and root, each checkpoint
/// against the one before, and optionally a checkpoint kept outside the database. Ends with one
/// line: <c>intact: ...</c> (exit 0) or <c>NOT INTACT: </c> naming the first bad event or checkpoint (exit 1).
/// Without a key at the default path everything but the signatures is still checked, and the
/// last line says so; a key named with <c>--key</c> that is not there is an error (exit 2).
/// </summary>
internal static class VerifyCommand
{
    private const int MaxListed = 20;

    public static Command Create()
    {
        var db = CliOptions.Database();
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "a checkpoint saved earlier (docket checkpoint export): check the log still holds exactly what it signed" };
        var key = CheckpointKeyOption.Create("the key that checks signatures: the instance's public key PEM (GET /api/audit/key) or its key file (default: next to the SQLite file, or ./docket-checkpoint-key.pem)");
        var command = new Command("verify", "Recompute every hash chain and checkpoint; exit 0 if intact, 1 naming the first event or checkpoint that does not match.") { db, checkpoint, key };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(db)!;
            var database = await CliOptions.OpenExistingAsync(target, "verify reads an existing database", ct);
            var witness = ReadWitness(parse.GetValue(checkpoint));
            var keyPath = CheckpointKeyOption.PathFor(parse, key, target);
            using var trusted = CheckpointKeyOption.IsGiven(parse, key) || File.Exists(keyPath) ? CheckpointKeyFile.LoadPublic(keyPath) : null;
            var total = await new EventReader(database).CountAsync(ct);
            var report = await Progress.RunAsync("Verifying", total, progress => new AuditVerifier(database).VerifyAsync(trusted, witness, progress, ct));
            var unsigned = report.SignaturesChecked || (report.CheckpointsChecked == 0 && witness is null) ? "" : $"; checkpoint signatures NOT checked: no key at {keyPath}";
            await WriteAsync(parse.InvocationConfiguration.Output, report, witness, unsigned);
            return report.Intact ? DocketCli.Ok : DocketCli.Tampered;
        });
        return command;
    }

    private static WitnessCheckpoint? ReadWitness(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return new WitnessCheckpoint($"the checkpoint in {file.Name}", CheckpointJson.Parse(File.ReadAllText(file.FullName)));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{file.Name} is not a checkpoint: {ex.Message}", ex);
        }
    }

    // unsigned: empty, or what the last line adds when there were signatures and no key to check them.
    private static async Task WriteAsync(TextWriter output, AuditReport report, WitnessCheckpoint? witness, string unsigned)
    {
        var findings = report.Findings.OrderBy(f => f.Position).ThenBy(f => f.Kind).ToList();
        foreach (var finding in findings.Take(MaxListed))
        {
            await output.WriteLineAsync($"  bad: {finding.Message}");
        }

        if (findings.Count > MaxListed)
        {
            await output.WriteLineAsync($"  ... and {findings.Count - MaxListed} more");
        }

        if (report.FirstBad is { } first)
        {
            await output.WriteLineAsync($"NOT INTACT: {first.Message}{unsigned}");
            return;
        }

        var checkpoints = report.CheckpointsChecked == 0
            ? "no checkpoints yet"
            : $"{report.CheckpointsChecked} checkpoint{(report.CheckpointsChecked == 1 ? "" : "s")} verified ({(report.SignaturesChecked ? "signature, " : "")}root, each extends the one before)";
        var witnessed = witness is null ? "" : $"; {witness.Name} ({witness.Checkpoint.TreeSize} events) matches the log";
        await output.WriteLineAsync($"intact: {report.EventsChecked} events in {report.CasesChecked} cases, every hash chain recomputed; {checkpoints}{witnessed}{unsigned}");
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
                return await work(new SyncProgress<long>(value => task.Value = value));
            });
    }
}
