using Docket.Store.Audit;
using Docket.Store.Events;

namespace Docket.Store.Tests.Audit;

/// <summary>
/// <c>docket verify</c> reads rows as bytes and hashes them without building strings, in
/// batches, with cases keyed by their digits: these check that this gives exactly the hash
/// <see cref="EventHash.Compute(EventRow)"/> gives, across batch boundaries, and with a case
/// whose A-number is not nine digits. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class VerifyReadingTests(StoreKind kind) : AuditStoreTestBase(kind)
{
    // Two-, three- and four-byte UTF-8 (the last a surrogate pair in .NET strings).
    private const string MultiByte = "Straße 5, Zürich — 東京都 🏠";

    [Fact]
    public async Task A_multi_byte_payload_verifies_and_an_edit_to_it_is_recomputed_as_EventHash_computes_it()
    {
        await WriteCaseAsync(CaseA);
        await AppendAddressAsync(Number(CaseA), 3, MultiByte);
        await IssueAsync();
        Assert.True((await VerifyAsync()).Intact);

        await TamperAsync($"""UPDATE events SET payload = replace(payload, 'Zürich', 'Genève ✓') WHERE position = 4""");
        var row = (await ReadRawEventsAsync()).Single(r => r.Position == 4);
        var expected = EventHash.Compute(row.PrevHash, row.ANumber, row.Version, row.Type, row.EffectiveOn, row.RecordedAt, row.RecordedBy, row.Payload);

        var bad = (await VerifyAsync()).FirstBad!;

        Assert.Equal((FindingKind.Event, 4L, CaseA, 4), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
        Assert.Contains($"recomputed {EventHash.ToHex(expected)}", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_far_into_the_log_is_named_after_many_batches_of_rows()
    {
        // More events than one batch of the reader holds (512), over several cases.
        for (var i = 0; i < 6; i++)
        {
            await WriteCaseAsync($"31310010{i}", events: 100);
        }

        await IssueAsync();
        var intact = await VerifyAsync();
        Assert.True(intact.Intact, string.Join("\n", intact.Findings));
        Assert.Equal((600L, 6), (intact.EventsChecked, intact.CasesChecked));

        await TamperAsync("""UPDATE events SET payload = '{"address":"99 Forged Road"}' WHERE position = 555""");

        var bad = (await VerifyAsync()).FirstBad!;

        Assert.Equal((FindingKind.Event, 555L, "313100105", 55), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
        Assert.Contains("hash does not match its content", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_moved_to_an_A_number_that_is_not_nine_digits_is_a_case_of_its_own_and_named()
    {
        await WriteThreeCasesWithTwoCheckpointsAsync();
        await TamperAsync($"UPDATE events SET a_number = 'X1310000' WHERE a_number = '{CaseB}'");
        await RechainAsync("X1310000");
        Assert.True((await VerifyChainsAsync()).Intact, "the per-case chains alone accept the moved case");

        var report = await VerifyAsync();

        Assert.Equal(3, report.CasesChecked);
        var bad = report.FirstBad!;
        Assert.Equal((FindingKind.Event, 4L, "X1310000", 1), (bad.Kind, bad.Position, bad.ANumber, bad.Version));
    }
}

public sealed class VerifyReadingOnSqlite() : VerifyReadingTests(StoreKind.Sqlite);

public sealed class VerifyReadingOnPostgres() : VerifyReadingTests(StoreKind.Postgres);
