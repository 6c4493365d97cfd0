using System.Security.Cryptography;
using System.Text.Json;
using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Audit;

namespace Docket.Cli.Tests.Checkpoints;

/// <summary>
/// The outside witness, end to end through the <c>docket</c> program: a head exported today,
/// a database edited tomorrow, and <c>docket verify --checkpoint head.json</c> names the edit.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class WitnessCheckpointTests(DatabaseKind kind) : IAsyncLifetime
{
    private WitnessedLog log = null!;

    public async Task InitializeAsync() => log = await WitnessedLog.CreateAsync(kind);

    public async Task DisposeAsync() => await log.DisposeAsync();

    private async Task<(string Path, SignedCheckpoint Head)> ExportHeadAsync(string name = "head.json")
    {
        var run = await Shell.RunAsync("checkpoint", "export", "--db", log.Db, "--key", log.KeyPath);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.Empty(run.Stderr);
        var line = Assert.Single(run.StdoutLines);
        var path = log.File(name);
        await File.WriteAllTextAsync(path, run.Stdout);
        return (path, CheckpointJson.Parse(line));
    }

    private Task<CliRun> VerifyAsync(params string[] extra) =>
        Shell.RunAsync(["verify", "--db", log.Db, "--key", log.KeyPath, .. extra]);

    private static string Tampered(CliRun run)
    {
        Assert.True(run.ExitCode == DocketCli.Tampered, $"expected exit 1\n{run}");
        Assert.Empty(run.Stderr);
        var last = run.StdoutLines[^1];
        Assert.StartsWith("NOT INTACT: ", last, StringComparison.Ordinal);
        return last;
    }

    [Fact]
    public async Task Export_writes_the_signed_head_as_four_fields_issuing_one_only_when_there_is_none_or_the_log_grew()
    {
        var (_, head) = await ExportHeadAsync();

        Assert.Equal(9, head.TreeSize);
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(log.File("head.json"))))
        {
            Assert.Equal(["treeSize", "rootHash", "issuedAt", "signature"], document.RootElement.EnumerateObject().Select(p => p.Name));
        }

        using (var key = ECDsa.Create())
        {
            key.ImportFromPem(await File.ReadAllTextAsync(log.KeyPath));
            Assert.True(head.IsSignedBy(key));
        }

        var (_, again) = await ExportHeadAsync("again.json");
        Assert.Equal(head.Signature, again.Signature);
        Assert.Equal(1, await log.Database.ScalarAsync("SELECT COUNT(*) FROM checkpoints"));

        await log.AppendAsync(WitnessedLog.CaseA, 4);
        var (_, grown) = await ExportHeadAsync("grown.json");
        Assert.Equal(10, grown.TreeSize);
        Assert.Equal(2, await log.Database.ScalarAsync("SELECT COUNT(*) FROM checkpoints"));
    }

    [Fact]
    public async Task Verify_with_a_kept_head_passes_while_the_log_was_only_appended_to()
    {
        var (path, _) = await ExportHeadAsync();
        await log.AppendAsync(WitnessedLog.CaseB, 5);

        var run = await VerifyAsync("--checkpoint", path);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var last = run.StdoutLines[^1];
        Assert.StartsWith("intact: 11 events in 3 cases", last, StringComparison.Ordinal);
        Assert.Contains("the checkpoint in head.json (9 events) matches the log", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_rewritten_tomorrow_with_a_fresh_valid_chain_is_named_by_verify_with_the_kept_head()
    {
        var (path, _) = await ExportHeadAsync();

        // Tomorrow: case B's addresses are rewritten and its chain recomputed, so every chain checks out.
        await log.TamperAsync($"UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{WitnessedLog.CaseB}';");
        await log.RechainAsync(WitnessedLog.CaseB);

        var last = Tampered(await VerifyAsync("--checkpoint", path));

        Assert.Contains("event at position 5", last, StringComparison.Ordinal);
        Assert.Contains($"case {WitnessedLog.CaseB}, version 2", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_also_rebuilt_the_tree_and_dropped_every_checkpoint_is_named_by_the_kept_head()
    {
        var (path, _) = await ExportHeadAsync();
        await log.TamperAsync($"UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{WitnessedLog.CaseC}'; DELETE FROM checkpoints;");
        await log.RechainAsync(WitnessedLog.CaseC);
        await log.RebuildTreeAsync();
        var blind = await VerifyAsync();
        Assert.True(blind.ExitCode == DocketCli.Ok, $"the database alone can no longer tell\n{blind}");

        var last = Tampered(await VerifyAsync("--checkpoint", path));

        Assert.Contains("the checkpoint in head.json", last, StringComparison.Ordinal);
        Assert.Contains("not the signed root", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_last_event_is_named_by_the_kept_head()
    {
        var (path, _) = await ExportHeadAsync();
        await log.TamperAsync("DELETE FROM events WHERE position = 9; DELETE FROM merkle_nodes WHERE level = 0 AND \"index\" = 8; DELETE FROM checkpoints;");

        var last = Tampered(await VerifyAsync("--checkpoint", path));

        Assert.Contains("covers 9 events but the log holds only 8", last, StringComparison.Ordinal);
        Assert.Contains("positions 9..9 were removed", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_signed_with_another_key_is_refused()
    {
        var (_, head) = await ExportHeadAsync();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = log.File("forged.json");
        await File.WriteAllTextAsync(forged, CheckpointJson.Write(SignedCheckpoint.Sign(other, head.TreeSize, head.RootHash, head.IssuedAt)));

        var last = Tampered(await VerifyAsync("--checkpoint", forged));

        Assert.Contains("the checkpoint in forged.json", last, StringComparison.Ordinal);
        Assert.Contains("not valid under the instance key", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_checkpoint_in_the_database_is_named_by_plain_verify()
    {
        await ExportHeadAsync();
        await log.AppendAsync(WitnessedLog.CaseA, 5);
        await ExportHeadAsync("second.json");
        var forgedRoot = SHA256.HashData("forged"u8);
        await log.TamperAsync($"UPDATE checkpoints SET root_hash = {log.Bytes(forgedRoot)} WHERE tree_size = 9;");

        var run = await VerifyAsync();

        var last = Tampered(run);
        Assert.Matches(@"checkpoint #\d+ \(tree size 9,", last);
        Assert.Contains("signature is not valid", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_key_printed_by_docket_is_enough_to_verify_with()
    {
        var (path, _) = await ExportHeadAsync();
        var key = await Shell.RunAsync("checkpoint", "key", "--db", log.Db, "--key", log.KeyPath);
        Assert.True(key.ExitCode == DocketCli.Ok, key.ToString());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.Stdout, StringComparison.Ordinal);
        var publicKey = log.File("instance-public.pem");
        await File.WriteAllTextAsync(publicKey, key.Stdout);

        var run = await Shell.RunAsync("verify", "--db", log.Db, "--key", publicKey, "--checkpoint", path);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
    }

    [Fact]
    public async Task A_lost_key_is_reported_in_one_line_and_never_replaced()
    {
        await ExportHeadAsync();
        File.Delete(log.KeyPath);

        var export = await Shell.RunAsync("checkpoint", "export", "--db", log.Db, "--key", log.KeyPath);
        var verify = await VerifyAsync();

        Assert.Contains("is missing", Shell.AssertFailedWithOneLine(export), StringComparison.Ordinal);
        Assert.Contains("no checkpoint key", Shell.AssertFailedWithOneLine(verify), StringComparison.Ordinal);
        Assert.False(File.Exists(log.KeyPath));
    }

    [Fact]
    public async Task A_file_that_is_not_a_checkpoint_is_refused_in_one_line()
    {
        await ExportHeadAsync();
        var notHead = log.File("not-a-head.json");
        await File.WriteAllTextAsync(notHead, """{"treeSize":9}""");

        var line = Shell.AssertFailedWithOneLine(await VerifyAsync("--checkpoint", notHead));

        Assert.Contains("not-a-head.json is not a checkpoint", line, StringComparison.Ordinal);
    }
}

public sealed class WitnessCheckpointOnSqlite() : WitnessCheckpointTests(DatabaseKind.Sqlite);

public sealed class WitnessCheckpointOnPostgres() : WitnessCheckpointTests(DatabaseKind.Postgres);
