using System.Data.Common;
using Docket.Store.Events;
using Docket.Store.Tests.Infrastructure;

namespace Docket.Store.Tests;

/// <summary>
/// Events are never updated or deleted: the database refuses it, and when someone with full
/// access gets past that refusal, the hash chain names the first event that no longer matches.
/// </summary>
public abstract class AppendOnlyTests(StoreKind kind) : StoreTestBase(kind)
{
    private const string Quill = "012345678";
    private const string Marrow = "098765432";

    /// <summary>
    /// Two interleaved cases:
    /// position 1 Quill v1, 2 Marrow v1, 3 Quill v2, 4 Marrow v2, 5 Quill v3, 6 Marrow v3, 7 Quill v4.
    /// </summary>
    private async Task WriteTwoInterleavedCasesAsync()
    {
        var quill = await OpenCaseAsync(Quill);
        var marrow = await OpenCaseAsync(Marrow, "Marrowbine", "Odalys", "MEX");
        await AppendAddressAsync(quill, 1, "14 Larkspur Row, Fernhollow");
        await AppendAddressAsync(marrow, 1, "3 Cinderwick Lane, Oakmere");
        await AppendAddressAsync(quill, 2, "27 Gorse Street, Fernhollow");
        await AppendAddressAsync(marrow, 2, "8 Cinderwick Lane, Oakmere");
        await AppendAddressAsync(quill, 3, "5 Heron Yard, Wrenford");

        var rows = await ReadRawEventsAsync();
        Assert.Equal([Quill, Marrow, Quill, Marrow, Quill, Marrow, Quill], rows.Select(r => r.ANumber));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4], rows.Select(r => r.Version));
        var report = await VerifyChainsAsync();
        Assert.True(report.Intact, report.FirstBad?.ToString());
        Assert.Equal(7, report.EventsChecked);
        Assert.Equal(2, report.CasesChecked);
    }

    private static async Task AssertRefusedAsync(DbConnection connection, string sql)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, sql));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> FingerprintAsync() => string.Join(
        "|", (await ReadRawEventsAsync()).Select(r => $"{r.Position}:{r.ANumber}:{r.Version}:{r.Payload}:{Convert.ToHexStringLower(r.Hash)}"));

    [Fact]
    public async Task The_database_rejects_an_UPDATE_of_an_event_and_the_row_stays_unchanged()
    {
        await WriteTwoInterleavedCasesAsync();
        var before = await FingerprintAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await AssertRefusedAsync(connection, "UPDATE events SET payload = '{\"address\":\"1 Forged Lane\"}' WHERE position = 3");
            await AssertRefusedAsync(connection, "UPDATE events SET recorded_by = 'someone-else'");
            await AssertRefusedAsync(connection, "UPDATE events SET position = position + 100 WHERE position = 7");
        }

        Assert.Equal(before, await FingerprintAsync());
        Assert.True((await VerifyChainsAsync()).Intact);
    }

    [Fact]
    public async Task The_database_rejects_a_DELETE_of_events_and_every_row_stays()
    {
        await WriteTwoInterleavedCasesAsync();
        var before = await FingerprintAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await AssertRefusedAsync(connection, "DELETE FROM events WHERE position = 4");
            await AssertRefusedAsync(connection, $"DELETE FROM events WHERE a_number = '{Marrow}'");
            await AssertRefusedAsync(connection, "DELETE FROM events");
        }

        Assert.Equal(7, await ScalarAsync("SELECT COUNT(*) FROM events"));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Editing_a_payload_past_the_guard_is_named_by_the_verifier_at_that_event()
    {
        await WriteTwoInterleavedCasesAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Test.BypassAppendOnlyGuardAsync(connection);
            var changed = await ExecuteAsync(connection, "UPDATE events SET payload = REPLACE(payload, 'Gorse Street', 'Forged Street') WHERE position = 5");
            Assert.Equal(1, changed);
        }

        Assert.Contains("Forged Street", (await ReadRawEventsAsync())[4].Payload, StringComparison.Ordinal);
        var report = await VerifyChainsAsync();
        Assert.False(report.Intact);
        var bad = report.FirstBad!;
        Assert.Equal((5L, Quill, 3), (bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("hash does not match", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(4, report.EventsChecked);
    }

    [Fact]
    public async Task Deleting_a_middle_event_past_the_guard_is_named_by_the_verifier_at_the_gap()
    {
        await WriteTwoInterleavedCasesAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Test.BypassAppendOnlyGuardAsync(connection);
            Assert.Equal(1, await ExecuteAsync(connection, "DELETE FROM events WHERE position = 4"));
        }

        var report = await VerifyChainsAsync();
        Assert.False(report.Intact);
        var bad = report.FirstBad!;

        // The first event that no longer fits is the one right after the hole.
        Assert.Equal((5L, Quill, 3), (bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("positions 4..4 are missing", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_middle_event_and_closing_the_gap_is_still_caught_by_the_case_chain()
    {
        await WriteTwoInterleavedCasesAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Test.BypassAppendOnlyGuardAsync(connection);
            Assert.Equal(1, await ExecuteAsync(connection, "DELETE FROM events WHERE position = 4"));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = 4 WHERE position = 5"));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = 5 WHERE position = 6"));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = 6 WHERE position = 7"));
        }

        var report = await VerifyChainsAsync();
        Assert.False(report.Intact);
        var bad = report.FirstBad!;

        // Marrow's version 2 is gone, so its version 3 (now at position 5) no longer follows.
        Assert.Equal((5L, Marrow, 3), (bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("follows version 1", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapping_the_positions_of_two_events_past_the_guard_is_named_by_the_verifier()
    {
        await WriteTwoInterleavedCasesAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Test.BypassAppendOnlyGuardAsync(connection);

            // Quill's version 2 (position 3) and version 4 (position 7) trade places.
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = -3 WHERE position = 3"));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = 3 WHERE position = 7"));
            Assert.Equal(1, await ExecuteAsync(connection, "UPDATE events SET position = 7 WHERE position = -3"));
        }

        var rows = await ReadRawEventsAsync();
        Assert.Equal([1, 1, 4, 2, 3, 3, 2], rows.Select(r => r.Version));

        var report = await VerifyChainsAsync();
        Assert.False(report.Intact);
        var bad = report.FirstBad!;
        Assert.Equal((3L, Quill, 4), (bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("follows version 1", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_an_event_together_with_its_own_hash_is_caught_by_the_next_event_of_the_case()
    {
        await WriteTwoInterleavedCasesAsync();

        // A careful forger recomputes the edited event's hash: the next event of the case
        // still points at the old one.
        var rows = await ReadRawEventsAsync();
        var target = rows[2];
        var forgedPayload = target.Payload.Replace("Larkspur Row", "Forged Row", StringComparison.Ordinal);
        var forgedHash = EventHash.Compute(target.PrevHash, target.ANumber, target.Version, target.Type, target.EffectiveOn, target.RecordedAt, target.RecordedBy, forgedPayload);

        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Test.BypassAppendOnlyGuardAsync(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE events SET payload = @payload, hash = @hash WHERE position = 3";
            AddParameter(command, "@payload", forgedPayload);
            AddParameter(command, "@hash", forgedHash);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var report = await VerifyChainsAsync();
        Assert.False(report.Intact);
        var bad = report.FirstBad!;
        Assert.Equal((5L, Quill, 3), (bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("prevHash does not match", bad.Reason, StringComparison.Ordinal);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

public sealed class AppendOnlyTestsOnSqlite() : AppendOnlyTests(StoreKind.Sqlite);

public sealed class AppendOnlyTestsOnPostgres() : AppendOnlyTests(StoreKind.Postgres)
{
    [Fact]
    public async Task The_database_rejects_a_TRUNCATE_of_events()
    {
        var quill = await OpenCaseAsync("012345678");
        await AppendAddressAsync(quill, 1, "14 Larkspur Row, Fernhollow");

        await using (var connection = await Db.OpenConnectionAsync())
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, "TRUNCATE events"));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM events"));
        Assert.True((await VerifyChainsAsync()).Intact);
    }
}
