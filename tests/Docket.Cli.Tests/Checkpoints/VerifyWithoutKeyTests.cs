using Docket.Cli.Tests.Import;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Checkpoints;

/// <summary>
/// <c>docket verify</c> with no key at the default path still checks every chain, the tree and
/// every checkpoint's root, and its last line says the signatures were not checked. It used to
/// stop with exit 2 ("no checkpoint key") before checking anything once checkpoints existed.
/// </summary>
public abstract class VerifyWithoutKeyTests(DatabaseKind kind) : IAsyncLifetime
{
    private WitnessedLog log = null!;

    private string Folder => Path.GetDirectoryName(log.KeyPath)!;

    // Where verify looks without --key: beside the SQLite file, or ./docket-checkpoint-key.pem (the run's folder).
    private string DefaultKeyPath => kind == DatabaseKind.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(log.Database.Target.ConnectionString).DataSource + ".checkpoint-key.pem"
        : Path.Combine(Folder, "docket-checkpoint-key.pem");

    public async Task InitializeAsync()
    {
        log = await WitnessedLog.CreateAsync(kind);
        // The checkpoint is signed with a key kept elsewhere (--key), so the default path has none.
        var export = await Shell.RunAsync("checkpoint", "export", "--db", log.Db, "--key", log.KeyPath);
        Assert.True(export.ExitCode == DocketCli.Ok, export.ToString());
        Assert.False(File.Exists(DefaultKeyPath), DefaultKeyPath);
    }

    public async Task DisposeAsync() => await log.DisposeAsync();

    private async Task<(int ExitCode, string Last, string Error)> VerifyWithoutKeyAsync()
    {
        var start = ChildDocket.Start(Folder, "verify", "--db", log.Db);
        start.WorkingDirectory = Folder;
        var run = await ChildDocket.RunToEndAsync(start);
        return (run.ExitCode, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], run.Error);
    }

    [Fact]
    public async Task VerifyWithoutTheKeyChecksTheLogAndSaysSignaturesWereNotChecked()
    {
        var (exitCode, last, error) = await VerifyWithoutKeyAsync();

        Assert.True(exitCode == DocketCli.Ok, $"exit {exitCode}\n{last}\n{error}");
        Assert.Empty(error);
        Assert.StartsWith("intact: 9 events in 3 cases, every hash chain recomputed; 1 checkpoint verified (root, each extends the one before)", last, StringComparison.Ordinal);
        Assert.EndsWith($"; checkpoint signatures NOT checked: no key at {DefaultKeyPath}", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithoutTheKeyStillFindsAnEditedEventWithExit1()
    {
        await log.TamperAsync($"UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{WitnessedLog.CaseB}' AND version = 2;");

        var (exitCode, last, error) = await VerifyWithoutKeyAsync();

        Assert.True(exitCode == DocketCli.Tampered, $"exit {exitCode}\n{last}\n{error}");
        Assert.StartsWith("NOT INTACT: ", last, StringComparison.Ordinal);
        Assert.Contains("event at position 5", last, StringComparison.Ordinal);
        Assert.EndsWith($"; checkpoint signatures NOT checked: no key at {DefaultKeyPath}", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithoutTheKeyStillFindsAHistoryRewrittenUnderACheckpoint()
    {
        // Every chain and the tree made to check out again: only the checkpoint's root can tell.
        await log.TamperAsync($"UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{WitnessedLog.CaseC}';");
        await log.RechainAsync(WitnessedLog.CaseC);
        await log.RebuildTreeAsync();

        var (exitCode, last, error) = await VerifyWithoutKeyAsync();

        Assert.True(exitCode == DocketCli.Tampered, $"exit {exitCode}\n{last}\n{error}");
        Assert.StartsWith("NOT INTACT: ", last, StringComparison.Ordinal);
        Assert.Contains("checkpoint #1", last, StringComparison.Ordinal);
    }
}

public sealed class VerifyWithoutKeyOnSqlite() : VerifyWithoutKeyTests(DatabaseKind.Sqlite);

public sealed class VerifyWithoutKeyOnPostgres() : VerifyWithoutKeyTests(DatabaseKind.Postgres);
