using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Cli.Tests;

/// <summary>
/// Someone with database access drops the append-only guard and rewrites history; <c>docket
/// verify</c> must exit 1 and name the tampered event by position and case. Each test gets its
/// own database: three cases of three events each, written in order, so case B holds positions
/// 4, 5 and 6. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class TamperingTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string CaseA = "212100001";
    private const string CaseB = "212100002";
    private const string CaseC = "212100003";

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(kind);
        var db = new DocketDatabase(database.Target);
        await db.MigrateAsync();
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 4, 9, 30));
        await using var writer = new EventWriter(db, clock);
        var cases = new CaseLog(writer, new EventReader(db), Docket.Domain.Calendar.CourtCalendar.Default, Docket.Domain.Calendar.LegalClock.InDefaultZone(NodaTime.SystemClock.Instance));
        foreach (var digits in new[] { CaseA, CaseB, CaseC })
        {
            var opening = new CaseOpened(digits, "Quillfeather", "Anselm", new LocalDate(1990, 1, 2), CountryCode.Parse("GTM"), "NYC") { On = new LocalDate(2025, 3, 1) };
            Assert.IsType<CaseCommandResult.Opened>(await cases.OpenAsync(opening, "officer-brackwater"));
            for (var version = 1; version <= 2; version++)
            {
                var moved = new MailingAddressChanged($"{version} Ledger Lane, Springfield") { On = new LocalDate(2025, 3, 1 + version) };
                Assert.IsType<CaseCommandResult.Appended>(await cases.AppendAsync(ANumber.Parse(digits), version, moved, "officer-brackwater"));
            }
        }

        Assert.Equal(5, await database.ScalarAsync($"SELECT position FROM events WHERE a_number = '{CaseB}' AND version = 2"));
        var before = await Shell.RunAsync("verify", "--db", database.DbArgument);
        Assert.True(before.ExitCode == DocketCli.Ok, $"the log is intact before tampering\n{before}");
        Assert.StartsWith("intact: 9 events in 3 cases", before.StdoutLines[^1], StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private Task TamperAsync(string sql) => database.ExecuteAsync(database.BypassAppendOnlyGuardSql + "\n" + sql);

    private async Task<string> VerifyFindsTamperingAsync()
    {
        var run = await Shell.RunAsync("verify", "--db", database.DbArgument);
        Assert.True(run.ExitCode == DocketCli.Tampered, $"expected exit 1\n{run}");
        Assert.Empty(run.Stderr);
        return run.Stdout;
    }

    private static void AssertNames(string report, long position, string aNumber)
    {
        Assert.Matches(new Regex($@"\b{position}\b"), report);
        Assert.Contains(aNumber, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_append_only_guard_refuses_a_plain_update_so_tampering_needs_it_bypassed()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync("UPDATE events SET payload = '{}' WHERE position = 5"));

        Assert.Equal(DocketCli.Ok, (await Shell.RunAsync("verify", "--db", database.DbArgument)).ExitCode);
    }

    [Fact]
    public async Task An_updated_payload_is_found_by_verify_naming_its_position_and_case()
    {
        await TamperAsync("""UPDATE events SET payload = '{"address":"99 Forged Road, Springfield"}' WHERE position = 5;""");

        var report = await VerifyFindsTamperingAsync();

        Assert.Contains("position 5", report, StringComparison.Ordinal);
        AssertNames(report, 5, CaseB);
    }

    [Fact]
    public async Task A_deleted_middle_event_is_found_by_verify_naming_the_missing_position_and_its_case()
    {
        await TamperAsync("DELETE FROM events WHERE position = 5;");

        var report = await VerifyFindsTamperingAsync();

        AssertNames(report, 5, CaseB);
    }

    [Fact]
    public async Task Two_events_with_swapped_positions_are_found_by_verify_naming_the_position_and_case()
    {
        await TamperAsync("""
            UPDATE events SET position = -1 WHERE position = 5;
            UPDATE events SET position = 5 WHERE position = 6;
            UPDATE events SET position = 6 WHERE position = -1;
            """);

        var report = await VerifyFindsTamperingAsync();

        Assert.Contains("position 5", report, StringComparison.Ordinal);
        AssertNames(report, 5, CaseB);
    }

    [Fact]
    public async Task A_payload_rewritten_with_a_freshly_computed_hash_is_still_found_where_the_chain_breaks()
    {
        // The careful forger recomputes the edited event's own hash; the next event's prevHash still points at the original.
        const string forged = """{"address":"99 Forged Road, Springfield"}""";
        string hash;
        await using (var connection = await database.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT prev_hash, effective_on, recorded_at, recorded_by FROM events WHERE position = 5";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var prevHash = (byte[])reader.GetValue(0);
            var text = $"{CaseB}\n2\nMailingAddressChanged\n{reader.GetString(1)}\n{reader.GetString(2)}\n{reader.GetString(3)}\n{forged}";
            hash = Convert.ToHexString(SHA256.HashData([.. prevHash, .. Encoding.UTF8.GetBytes(text)]));
        }

        var literal = kind == DatabaseKind.Postgres ? $"'\\x{hash}'::bytea" : $"X'{hash}'";
        await TamperAsync($"UPDATE events SET payload = '{forged}', hash = {literal} WHERE position = 5;");

        var report = await VerifyFindsTamperingAsync();

        Assert.Contains("position 6", report, StringComparison.Ordinal);
        AssertNames(report, 6, CaseB);
    }
}

public sealed class TamperingOnSqlite() : TamperingTests(DatabaseKind.Sqlite);

public sealed class TamperingOnPostgres() : TamperingTests(DatabaseKind.Postgres);
