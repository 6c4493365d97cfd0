using System.CommandLine;
using System.Security.Cryptography;
using Docket.Domain.Audit;
using Docket.Store;
using Docket.Store.Audit;
using Docket.Store.Events;
using Spectre.Console;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket verify [--checkpoint FILE] [--key PATH]</c>: every case chain, every event against
/// the Merkle leaf recorded for it, every checkpoint's signature and root, each checkpoint
/// against the one before, and optionally a checkpoint kept outside the database. Ends with one
/// line: <c>intact: ...</c> (exit 0) or <c>NOT INTACT: </c> naming the first bad event or checkpoint (exit 1).
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
            var database = await CliOptions.OpenAsync(target, ct);
            var witness = ReadWitness(parse.GetValue(checkpoint));
            using var trusted = await TrustedKeyAsync(database, CheckpointKeyOption.PathFor(parse, key, target), witness is not null, ct);
            var total = await new EventReader(database).CountAsync(ct);
            var report = await Progress.RunAsync("Verifying", total, progress => new AuditVerifier(database).VerifyAsync(trusted, witness, progress, ct));
            await WriteAsync(parse.InvocationConfiguration.Output, report, witness);
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

    // Without checkpoints there is nothing to check a key against, so a missing key is fine then.
    private static async Task<ECDsa?> TrustedKeyAsync(DocketDatabase database, string keyPath, bool witness, CancellationToken ct) =>
        witness || await new CheckpointStore(database).CountAsync(ct) > 0 || File.Exists(keyPath)
            ? CheckpointKeyFile.LoadPublic(keyPath)
            : null;

    private static async Task WriteAsync(TextWriter output, AuditReport report, WitnessCheckpoint? witness)
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
            await output.WriteLineAsync($"NOT INTACT: {first.Message}");
            return;
        }

        var checkpoints = report.CheckpointsChecked == 0
            ? "no checkpoints yet"
            : $"{report.CheckpointsChecked} checkpoint{(report.CheckpointsChecked == 1 ? "" : "s")} verified (signature, root, each extends the one before)";
        var witnessed = witness is null ? "" : $"; {witness.Name} ({witness.Checkpoint.TreeSize} events) matches the log";
        await output.WriteLineAsync($"intact: {report.EventsChecked} events in {report.CasesChecked} cases, every hash chain recomputed; {checkpoints}{witnessed}");
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
