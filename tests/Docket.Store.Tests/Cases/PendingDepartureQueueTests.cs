using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Store.Tests.Infrastructure;
using NodaTime;

namespace Docket.Store.Tests.Cases;

/// <summary>
/// The departure verification queue is read from the case summary's pending report (kept with
/// each summary, from the log), not by scanning the log: it holds a case's last report while no
/// verification, rejection or newer report follows it, and a database migrated from before the
/// column existed has its waiting reports filled in from the log.
/// </summary>
public abstract class PendingDepartureQueueTests(StoreKind kind) : StoreTestBase(kind)
{
    private static readonly Caseload NewYork = new("NYC", null);

    private async Task<int> AppendAsync(string aNumber, int expected, CaseEvent @event)
    {
        var result = await Cases.AppendAsync(ANumber.Parse(aNumber), expected, @event, "officer-brackwater");
        return Assert.IsType<CaseCommandResult.Appended>(result).Version;
    }

    private Task<int> ReportAsync(string aNumber, int expected, int day, string country = "CAN") =>
        AppendAsync(aNumber, expected, new DepartureReported(CountryCode.Parse(country), DepartureSource.ExitRecord) { On = new LocalDate(2025, 2, day) });

    private async Task<List<(string ANumber, int Version)>> QueueAsync(Caseload? caseload = null) =>
        [.. (await new CaseDirectory(Db).PendingDeparturesAsync(caseload ?? NewYork, 1, 25)).Select(r => (r.ANumber, r.Version))];

    [Fact]
    public async Task The_queue_holds_each_cases_last_report_until_it_is_verified_or_rejected_oldest_departure_first()
    {
        foreach (var a in new[] { "700000001", "700000002", "700000003" })
        {
            await OpenCaseAsync(a);
        }

        await ReportAsync("700000001", 1, day: 20);
        await ReportAsync("700000002", 1, day: 10);
        Assert.Equal([("700000002", 2), ("700000001", 2)], await QueueAsync());

        // A newer report of the same case replaces the one before it (one entry a case).
        await ReportAsync("700000002", 2, day: 25, country: "MEX");
        Assert.Equal([("700000001", 2), ("700000002", 3)], await QueueAsync());

        // Verified: gone. Rejected, then reported again: back with the new report.
        await AppendAsync("700000001", 2, new DepartureVerified { On = new LocalDate(2025, 3, 1) });
        await AppendAsync("700000002", 3, new DepartureRejected("no matching exit record") { On = new LocalDate(2025, 3, 1) });
        Assert.Empty(await QueueAsync());
        await ReportAsync("700000002", 4, day: 27);
        Assert.Equal([("700000002", 5)], await QueueAsync());

        // Another event on the case leaves its report waiting; another office does not see it.
        await AppendAsync("700000002", 5, Address("3 Tansy Lane, Fernhollow"));
        Assert.Equal([("700000002", 5)], await QueueAsync());
        Assert.Empty(await QueueAsync(new Caseload("MIA", null)));
    }

    [Fact]
    public async Task Migrating_a_database_from_before_the_queue_column_fills_in_the_reports_waiting_in_its_log()
    {
        await OpenCaseAsync("700000011");
        await ReportAsync("700000011", 1, day: 12);
        await OpenCaseAsync("700000012");
        await ReportAsync("700000012", 1, day: 5);
        await AppendAsync("700000012", 2, new DepartureVerified { On = new LocalDate(2025, 3, 1) });

        // The database as it was before the step: its columns and index gone, the step not applied.
        // (Plain SQL rather than EF's Down: the snapshot of an older step predates later columns.)
        await using (var connection = await Db.OpenConnectionAsync())
        {
            foreach (var sql in new[]
            {
                "DROP INDEX ix_cases_office_pending_departure_on",
                "ALTER TABLE cases DROP COLUMN pending_departure_on",
                "ALTER TABLE cases DROP COLUMN pending_departure_version",
                """DELETE FROM "__EFMigrationsHistory" WHERE migration_id LIKE '%_PendingDepartures'""",
            })
            {
                await ExecuteAsync(connection, sql);
            }
        }

        await Db.MigrateAsync();

        Assert.Equal([("700000011", 2)], await QueueAsync());
    }
}

public sealed class PendingDepartureQueueOnSqlite() : PendingDepartureQueueTests(StoreKind.Sqlite);

public sealed class PendingDepartureQueueOnPostgres() : PendingDepartureQueueTests(StoreKind.Postgres);
