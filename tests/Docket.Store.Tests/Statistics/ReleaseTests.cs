using System.Data.Common;
using Docket.Domain.Calendar;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Domain.Statistics;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Statistics;
using Docket.Store.Tests.Infrastructure;
using NodaTime;

namespace Docket.Store.Tests.Statistics;

/// <summary>Releases: numbered, immutable at the database level, reproducible from the log byte for byte.</summary>
public abstract class ReleaseTests(StoreKind kind) : StoreTestBase(kind)
{
    private StatisticsProjection Projection => new(Db, CourtCalendar.Default);

    private StatisticsReleases Releases => new(Db, Projection, Clock, LegalClock.InDefaultZone(Clock));

    /// <summary>Fourteen departures to GTM and three to MEX in January 2025, verified.</summary>
    private async Task WriteDeparturesAsync(int first = 0, int toGuatemala = 14, int toMexico = 3)
    {
        for (var i = 0; i < toGuatemala + toMexico; i++)
        {
            var aNumber = $"8{first + i:D8}";
            var country = CountryCode.Parse(i < toGuatemala ? "GTM" : "MEX");
            await AppendAsync(aNumber, 0, CaseLog.Normalise(Opening(aNumber)));
            await AppendAsync(aNumber, 1, new DepartureReported(country, DepartureSource.ExitRecord) { On = new LocalDate(2025, 1, 10 + (i % 15)) });
            await AppendAsync(aNumber, 2, new DepartureVerified { On = new LocalDate(2025, 2, 3) });
        }
    }

    private async Task AppendAsync(string aNumber, int expected, CaseEvent @event) =>
        Assert.IsType<AppendResult.Appended>(await Writer.AppendAsync(new AppendRequest(aNumber, expected, [CaseLog.ToPending(@event)], "officer-brackwater", null)));

    [Fact]
    public async Task A_release_covers_the_complete_months_and_withholds_small_cells()
    {
        await WriteDeparturesAsync();

        var issued = await Releases.IssueAsync();

        Assert.True(issued.Issued);
        Assert.Equal(1, issued.Release.Summary.Number);
        Assert.Equal("2025-02", issued.Release.Summary.ThroughMonth);
        Assert.Equal("First release, through 2025-02.", issued.Release.Summary.Note);
        Assert.Equal(EventWriter.FormatRecordedAt(Start), issued.Release.Summary.IssuedAt);
        var january = StatisticsMonth.Parse("2025-01");
        var byCountry = ReleaseAnswers.Departures(issued.Release.Tables, "country", january, january);
        // GTM 14 stands alone beside MEX 3, so it is withheld with it.
        Assert.Equal([new PublishedCell("GTM", null, CellStatus.Secondary, null), new PublishedCell("MEX", null, CellStatus.Primary, null)], byCountry);
        Assert.Equal([new PublishedCell("2025-01", 17, CellStatus.Published, 100)], ReleaseAnswers.Departures(issued.Release.Tables, "month", january, january));
    }

    [Fact]
    public async Task Nothing_changed_issues_nothing_and_a_correction_is_a_new_release_with_a_note()
    {
        await WriteDeparturesAsync();
        await Releases.IssueAsync();

        var again = await Releases.IssueAsync();
        Assert.False(again.Issued);
        Assert.Equal(1, again.Release.Summary.Number);

        await WriteDeparturesAsync(first: 100, toGuatemala: 20, toMexico: 0);
        var corrected = await Releases.IssueAsync();

        Assert.True(corrected.Issued);
        Assert.Equal(2, corrected.Release.Summary.Number);
        Assert.Contains("Revises departures of 2025-01", corrected.Release.Summary.Note, StringComparison.Ordinal);
        Assert.Equal([2, 1], (await Releases.ListAsync()).Select(r => r.Number));
        // The first release still answers as it did.
        var first = await Releases.GetAsync(1);
        Assert.Equal(17, ReleaseAnswers.Departures(first!.Tables, "month", StatisticsMonth.Parse("2025-01"), StatisticsMonth.Parse("2025-01")).Single().Count);
    }

    [Fact]
    public async Task A_release_cannot_cover_the_month_in_progress()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Releases.IssueAsync(StatisticsMonth.Parse("2025-03")));
    }

    [Fact]
    public async Task A_rebuild_from_the_log_gives_the_release_tables_byte_for_byte()
    {
        await WriteDeparturesAsync();
        await WriteDeparturesAsync(first: 100, toGuatemala: 25, toMexico: 11);
        var issued = await Releases.IssueAsync();

        await Projection.RebuildAsync();
        var (stored, recomputed) = await Releases.ReproduceAsync(issued.Release.Summary.Number);

        Assert.Equal(stored, recomputed);
        Assert.Contains("\"GTM\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_issues_nothing_once_another_issuer_has_covered_the_month()
    {
        await WriteDeparturesAsync();
        await Releases.IssueAsync();
        await WriteDeparturesAsync(first: 100, toGuatemala: 5, toMexico: 0);

        var scheduled = await Releases.IssueAsync(StatisticsMonth.Parse("2025-02"), unlessCovered: true);

        Assert.False(scheduled.Issued);
        Assert.Equal(1, scheduled.Release.Summary.Number);
        // Asked for (docket stats release), the same month is revised with what came since.
        Assert.True((await Releases.IssueAsync(StatisticsMonth.Parse("2025-02"))).Issued);
    }

    [Fact]
    public async Task Bug_with_two_issuers_racing_a_release_was_issued_from_a_snapshot_older_than_the_one_before()
    {
        // Issuers over one database (serve's schedule and `docket stats release`, each with its
        // own projection) while departures keep coming: each release counts at least what the one
        // before it counted. The snapshot used to be read before the issuers' lock.
        await WriteDeparturesAsync();
        await Releases.IssueAsync();
        var issuers = new[] { Releases, Releases, Releases };
        var appends = Task.Run(async () =>
        {
            for (var batch = 1; batch <= 16; batch++)
            {
                await WriteDeparturesAsync(first: 1000 * batch, toGuatemala: 2, toMexico: 1);
            }
        });
        var issuing = issuers.Select(issuer => Task.Run(async () =>
        {
            while (!appends.IsCompleted)
            {
                await issuer.IssueAsync();
            }
        })).ToList();
        await appends;
        await Task.WhenAll(issuing);

        var january = StatisticsMonth.Parse("2025-01");
        var released = new List<(int Number, long Position, long? Departures)>();
        foreach (var summary in (await Releases.ListAsync()).OrderBy(r => r.Number))
        {
            var release = await Releases.GetAsync(summary.Number);
            released.Add((summary.Number, summary.Position, ReleaseAnswers.Departures(release!.Tables, "month", january, january).Single().Count));
        }

        Assert.True(released.Count > 1, "the issuers issued nothing while the departures came");
        Assert.Equal(Enumerable.Range(1, released.Count), released.Select(r => r.Number));
        foreach (var (before, after) in released.Zip(released.Skip(1)))
        {
            Assert.True(after.Position > before.Position, $"release {after.Number} counted the log to {after.Position}, release {before.Number} to {before.Position}");
            Assert.True(after.Departures > before.Departures, $"release {after.Number} counts {after.Departures} departures, release {before.Number} {before.Departures}");
        }
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_a_release()
    {
        await WriteDeparturesAsync();
        await Releases.IssueAsync();

        await using (var connection = await Db.OpenConnectionAsync())
        {
            foreach (var sql in new[] { "UPDATE stats_releases SET note = 'rewritten'", "UPDATE stats_releases SET tables = '{}'", "DELETE FROM stats_releases" })
            {
                var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, sql));
                Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM stats_releases"));
        Assert.Equal("First release, through 2025-02.", (await Releases.ListAsync()).Single().Note);
    }
}

public sealed class ReleaseTestsOnSqlite() : ReleaseTests(StoreKind.Sqlite);

public sealed class ReleaseTestsOnPostgres() : ReleaseTests(StoreKind.Postgres)
{
    [Fact]
    public async Task The_database_refuses_a_TRUNCATE_of_releases()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var error = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, "TRUNCATE stats_releases"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
