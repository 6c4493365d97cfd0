using System.Security.Cryptography;
using Docket.Domain.Audit;
using Docket.Store.Audit;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// An administrator with full database access switches the append-only triggers off and changes
/// history in every way the issue lists. Each change is found, and the report's first finding
/// names the event or checkpoint. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class TamperSuiteTests(StoreKind kind) : AuditStoreTestBase(kind)
{
    private async Task<AuditFinding> FirstBadAsync(WitnessCheckpoint? witness = null)
    {
        var report = await VerifyAsync(witness);
        Assert.False(report.Intact, "the tampering went unnoticed");
        return report.FirstBad!;
    }

    [Fact]
    public async Task An_edited_payload_is_named_at_its_position()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync("""UPDATE events SET payload = '{"address":"99 Forged Road"}' WHERE position = 5""");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Event, 5L, CaseB, 2), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("hash does not match its content", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_last_event_is_named_by_the_checkpoint_that_covered_it()
    {
        var (_, nine) = await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync("DELETE FROM events WHERE position = 9");

        var report = await VerifyAsync();

        Assert.False(report.Intact);
        Assert.Equal(9, report.FirstBad!.Position);
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.Checkpoint && f.CheckpointId == nine.Id && f.Message.Contains("9..9 were removed", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.Tree && f.Message.Contains("recorded 9 events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_last_event_after_the_last_checkpoint_is_still_found_by_the_tree()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();
        await AppendAddressAsync(Number(CaseC), 3, "10 Ledger Lane, Springfield");
        await TamperAsync("DELETE FROM events WHERE position = 10");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Tree, 10L), (bad.Kind, bad.Position));
        Assert.Contains("positions 10..10 were removed", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_middle_event_is_named_at_the_gap()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync("DELETE FROM events WHERE position = 5");

        var report = await VerifyAsync();

        var bad = report.FirstBad!;
        Assert.Equal((FindingKind.Event, 6L, CaseB), (bad.Kind, bad.Position, bad.ANumber));
        Assert.Contains("positions 5..5 are missing", bad.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Findings.Count(f => f.Kind == FindingKind.Checkpoint));
    }

    [Fact]
    public async Task Two_events_of_different_cases_reordered_with_every_chain_still_valid_are_named()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();

        // A's last event and B's first trade places: each case's chain still runs 1, 2, 3.
        await TamperAsync(
            "UPDATE events SET position = -3 WHERE position = 3",
            "UPDATE events SET position = 3 WHERE position = 4",
            "UPDATE events SET position = 4 WHERE position = -3");
        Assert.True((await VerifyChainsAsync()).Intact, "the per-case chains alone miss a reorder across cases");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Event, 3L, CaseB, 1), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
    }

    [Fact]
    public async Task A_forged_event_inserted_with_a_recomputed_case_chain_is_named()
    {
        var (six, _) = await WriteThreeCasesWithTwoCheckpointsAsync();

        // Make room after B's version 2 (position 5), insert a forged version 3, renumber and re-chain the case.
        await TamperAsync(
            "UPDATE events SET position = position + 100 WHERE position >= 6",
            "UPDATE events SET position = position - 99 WHERE position >= 100",
            $"UPDATE events SET version = 4 WHERE a_number = '{CaseB}' AND version = 3",
            """
            INSERT INTO events (position, a_number, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash)
            SELECT 6, a_number, 3, type, effective_on, recorded_at, recorded_by, '{"address":"1 Forged Street"}', prev_hash, hash
            FROM events WHERE position = 5
            """);
        await RechainAsync(CaseB);
        Assert.True((await VerifyChainsAsync()).Intact, "the per-case chains alone miss a well-forged insertion");

        var report = await VerifyAsync();

        var bad = report.FirstBad!;
        Assert.Equal((FindingKind.Event, 6L, CaseB, 3), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
        Assert.Contains(report.Findings, f => f.CheckpointId == six.Id && f.Message.Contains("first changed event is at position 6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_whole_case_rewritten_with_a_fresh_valid_chain_is_named_at_its_first_changed_event()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync(
            $"""UPDATE events SET payload = replace(payload, 'Quillfeather', 'Someone-Else') WHERE a_number = '{CaseB}'""",
            $"""UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{CaseB}'""");
        await RechainAsync(CaseB);
        Assert.True((await VerifyChainsAsync()).Intact, "the per-case chains alone miss a rewritten case");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Event, 4L, CaseB, 1), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
    }

    [Fact]
    public async Task A_rewritten_case_with_the_stored_tree_rebuilt_to_match_is_still_caught_by_the_signed_checkpoints()
    {
        var (six, nine) = await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync($"""UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{CaseB}'""");
        await RechainAsync(CaseB);
        await RebuildTreeAsync();

        var report = await VerifyAsync();

        var bad = report.FirstBad!;
        Assert.Equal((FindingKind.Checkpoint, 6L, six.Id), (bad.Kind, bad.Position, bad.CheckpointId));
        Assert.Contains("not the signed root", bad.Message, StringComparison.Ordinal);
        Assert.Contains("positions 1..6", bad.Message, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.CheckpointId == nine.Id);
    }

    [Fact]
    public async Task A_checkpoint_with_a_replaced_root_is_named()
    {
        var (six, _) = await WriteThreeCasesWithTwoCheckpointsAsync();
        var forgedRoot = Convert.ToHexString(SHA256.HashData("forged"u8));
        await TamperAsync(Kind == StoreKind.Postgres
            ? $"UPDATE checkpoints SET root_hash = '\\x{forgedRoot}'::bytea WHERE id = {six.Id}"
            : $"UPDATE checkpoints SET root_hash = X'{forgedRoot}' WHERE id = {six.Id}");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Checkpoint, six.Id), (bad.Kind, bad.CheckpointId));
        Assert.Contains($"checkpoint #{six.Id}", bad.Message, StringComparison.Ordinal);
        Assert.Contains("signature is not valid", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_replaced_by_one_signed_with_another_key_is_named()
    {
        var (_, nine) = await WriteThreeCasesWithTwoCheckpointsAsync();

        // A correct root over the (untouched) log, signed by someone else's key.
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = SignedCheckpoint.Sign(other, 9, nine.RootHash, nine.IssuedAt);
        await TamperAsync($"UPDATE checkpoints SET signature = '{forged.Signature}' WHERE id = {nine.Id}");

        var bad = await FirstBadAsync();

        Assert.Equal((FindingKind.Checkpoint, nine.Id, 9L), (bad.Kind, bad.CheckpointId, bad.Position));
        Assert.Contains("not valid under the instance key", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewrite_that_also_removed_every_checkpoint_is_caught_by_a_witness_copy()
    {
        var (_, nine) = await WriteThreeCasesWithTwoCheckpointsAsync();
        var kept = new WitnessCheckpoint("the witness's copy", nine.ToSigned());
        await TamperAsync(
            $"""UPDATE events SET payload = replace(payload, 'Ledger Lane', 'Forged Lane') WHERE a_number = '{CaseC}'""",
            "DELETE FROM checkpoints");
        await RechainAsync(CaseC);
        await RebuildTreeAsync();
        Assert.True((await VerifyAsync()).Intact, "without checkpoints the database alone can no longer tell");

        var report = await VerifyAsync(kept);

        var bad = report.FirstBad!;
        Assert.Equal((FindingKind.Checkpoint, 9L, (long?)null), (bad.Kind, bad.Position, bad.CheckpointId));
        Assert.StartsWith("the witness's copy", bad.Message, StringComparison.Ordinal);
        Assert.False(report.WitnessMatches);
    }

    [Fact]
    public async Task A_witness_copy_matches_an_untouched_log_that_has_grown_since()
    {
        var (_, nine) = await WriteThreeCasesWithTwoCheckpointsAsync();
        await AppendAddressAsync(Number(CaseA), 3, "4 Ledger Lane, Springfield");

        var report = await VerifyAsync(new WitnessCheckpoint("the witness's copy", nine.ToSigned()));

        Assert.True(report.Intact, string.Join("\n", report.Findings));
        Assert.True(report.WitnessMatches);
        Assert.Equal(10, report.EventsChecked);
    }
}

public sealed class TamperSuiteOnSqlite() : TamperSuiteTests(StoreKind.Sqlite);

public sealed class TamperSuiteOnPostgres() : TamperSuiteTests(StoreKind.Postgres);
