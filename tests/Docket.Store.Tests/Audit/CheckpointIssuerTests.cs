using System.Security.Cryptography;
using Docket.Domain.Audit;
using Docket.Store.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// Issuing checkpoints: the key is made once, private to its owner, and never silently replaced;
/// a checkpoint covers exactly the log; nothing is signed over a log that was cut or rewritten.
/// </summary>
public abstract class CheckpointIssuerTests(StoreKind kind) : AuditStoreTestBase(kind)
{
    [Fact]
    public async Task The_first_start_creates_a_P256_key_readable_only_by_its_owner()
    {
        Assert.False(File.Exists(KeyPath));

        var issuer = await IssuerAsync();

        Assert.True(File.Exists(KeyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(KeyPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", issuer.PublicKeyPem, StringComparison.Ordinal);
        Assert.Equal(256, issuer.PublicKey.KeySize);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!, "*.tmp"));
    }

    [Fact]
    public async Task A_checkpoint_signs_the_root_over_exactly_the_events_in_the_log()
    {
        await WriteCaseAsync(CaseA, events: 5);

        var checkpoint = await IssueAsync();

        var leaves = (await ReadRawEventsAsync()).Select(r => MerkleHash.Leaf(r.Hash)).ToList();
        var nodes = ReferenceMerkle.AllNodes(leaves);
        Assert.Equal(5, checkpoint.TreeSize);
        Assert.Equal(ReferenceMerkle.Hex(new MerkleRange(0, 5).Hash(id => nodes[id])), ReferenceMerkle.Hex(checkpoint.RootHash));
        Assert.Equal("2025-03-01T14:30:15.123Z", checkpoint.IssuedAt);
        Assert.True(checkpoint.ToSigned().IsSignedBy(CheckpointKeyFile.LoadPublic(KeyPath)));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM checkpoints"));
    }

    [Fact]
    public async Task Only_a_grown_log_gets_a_new_checkpoint_when_asked_only_if_grown()
    {
        await WriteCaseAsync(CaseA);
        var issuer = await IssuerAsync();
        var (first, issued) = await issuer.IssueAsync(onlyIfGrown: true);
        Assert.True(issued);

        var (again, issuedAgain) = await issuer.IssueAsync(onlyIfGrown: true);
        Assert.False(issuedAgain);
        Assert.Equal(first.Id, again.Id);

        await WriteCaseAsync(CaseB);
        var (grown, issuedGrown) = await issuer.IssueAsync(onlyIfGrown: true);
        Assert.True(issuedGrown);
        Assert.True(grown.Id > first.Id);
        Assert.Equal(6, grown.TreeSize);
    }

    [Fact]
    public async Task A_lost_key_is_reported_and_never_replaced_once_checkpoints_exist()
    {
        await WriteCaseAsync(CaseA);
        await IssueAsync();
        File.Delete(KeyPath);

        var error = await Assert.ThrowsAsync<CheckpointKeyException>(() => IssuerAsync());

        Assert.Contains(KeyPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 checkpoint", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyPath), "a new key must not appear");
    }

    [Fact]
    public async Task A_key_that_did_not_sign_the_checkpoints_is_refused()
    {
        await WriteCaseAsync(CaseA);
        await IssueAsync();
        var otherPath = Path.Combine(Path.GetDirectoryName(KeyPath)!, "other-key.pem");
        using (var other = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(otherPath, other.ExportPkcs8PrivateKeyPem());
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(otherPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var error = await Assert.ThrowsAsync<CheckpointKeyException>(() => IssuerAsync(otherPath));

        Assert.Contains("did not sign checkpoint #", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_others_can_read_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await IssuerAsync();
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = await Assert.ThrowsAsync<CheckpointKeyException>(() => IssuerAsync());

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_signed_over_a_rewritten_history_even_with_the_tree_rebuilt_to_match()
    {
        await WriteCaseAsync(CaseA);
        await IssueAsync();
        await TamperAsync($"""UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{CaseA}'""");
        await RechainAsync(CaseA);
        await RebuildTreeAsync();
        await WriteCaseAsync(CaseB);

        var issuer = await IssuerAsync();
        var error = await Assert.ThrowsAsync<TamperedLogException>(() => issuer.IssueAsync(onlyIfGrown: false));

        Assert.Contains("no longer an extension of checkpoint #", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM checkpoints"));
    }

    [Fact]
    public async Task Nothing_is_signed_over_a_log_whose_end_was_cut_off()
    {
        await WriteCaseAsync(CaseA);
        var issuer = await IssuerAsync();
        await issuer.IssueAsync(onlyIfGrown: false);
        await TamperAsync("DELETE FROM events WHERE position = 3", "DELETE FROM merkle_nodes WHERE level = 0 AND \"index\" = 2");

        var error = await Assert.ThrowsAsync<TamperedLogException>(() => issuer.IssueAsync(onlyIfGrown: false));

        Assert.Contains("covers 3 events but the log holds only 2", error.Message, StringComparison.Ordinal);
    }
}

public sealed class CheckpointIssuerOnSqlite() : CheckpointIssuerTests(StoreKind.Sqlite);

public sealed class CheckpointIssuerOnPostgres() : CheckpointIssuerTests(StoreKind.Postgres);
