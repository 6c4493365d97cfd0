using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Statistics;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Statistics;
using Docket.Store.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Docket.Store.Tests.Statistics;

/// <summary>
/// The statistics projection, caught up step by step while a history is written, holds the same
/// cells as a rebuild from the log, and as the Domain's own count of every case folded afresh.
/// </summary>
public abstract class ProjectionTests(StoreKind kind) : StoreTestBase(kind)
{
    private int run;
    private int countedByTheWriter;

    private StatisticsProjection Projection => new(Db, CourtCalendar.Default);

    private static string Describe(ProjectionSnapshot snapshot) =>
        string.Join("\n", snapshot.Departures.Select(c => c.ToString()).Concat(snapshot.Outcomes.Select(c => c.ToString())));

    /// <summary>
    /// Writes the steps; with <paramref name="writerCounts"/>, two appends in three carry their
    /// case's statistics for the writer to count (as the API's do), the third does not (as an
    /// import's do not), so the writer and the projection take turns.
    /// </summary>
    private async Task<Dictionary<string, List<CaseEvent>>> WriteAsync(HistoryStep[] steps, bool writerCounts = false)
    {
        run++;
        var streams = new Dictionary<string, List<CaseEvent>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var step in steps)
        {
            if (step.IsCatchUp)
            {
                await Projection.CatchUpAsync();
                continue;
            }

            var aNumber = $"7{run:D4}{step.Case:D4}";
            if (!streams.TryGetValue(aNumber, out var stream))
            {
                stream = [CaseLog.Normalise(Opening(aNumber))];
                await AppendAsync(aNumber, 0, stream[0], writerCounts ? stream : null);
                streams[aNumber] = stream;
            }

            stream.Add(step.Event!);
            await AppendAsync(aNumber, stream.Count - 1, step.Event!, writerCounts && ++index % 3 != 0 ? stream : null);
        }

        return streams;
    }

    private async Task AppendAsync(string aNumber, int expected, CaseEvent @event, List<CaseEvent>? streamAfter = null)
    {
        var level = streamAfter is not null && (await Projection.LagAsync()).Events == 0;
        // Straight to the writer: the projection counts whatever the log holds, legal or not.
        var result = await Writer.AppendAsync(new AppendRequest(aNumber, expected, [CaseLog.ToPending(@event)], "officer-brackwater", null)
        {
            Statistics = streamAfter is null ? null : CaseContribution.Of(CaseHistory.Fold(streamAfter), CourtCalendar.Default),
        });
        Assert.IsType<AppendResult.Appended>(result);
        if (level)
        {
            // Level cells and an append that brings its statistics: the writer counted it, they stay level.
            Assert.Equal(0, (await Projection.LagAsync()).Events);
            countedByTheWriter++;
        }
    }

    private void AssertEqualsARebuildAndTheDomainsCount(bool writerCounts)
    {
        var everything = new Dictionary<string, List<CaseEvent>>(StringComparer.Ordinal);
        var property = Prop.ForAll(StatisticsHistories.Histories, steps =>
        {
            foreach (var (aNumber, stream) in WriteAsync(steps, writerCounts).GetAwaiter().GetResult())
            {
                everything[aNumber] = stream;
            }

            Projection.CatchUpAsync().GetAwaiter().GetResult();
            var projected = Describe(Projection.SnapshotAsync().GetAwaiter().GetResult());
            Projection.RebuildAsync().GetAwaiter().GetResult();
            var rebuilt = Describe(Projection.SnapshotAsync().GetAwaiter().GetResult());
            var counted = Describe(Count(everything.Values));
            return (projected == rebuilt && rebuilt == counted).Label($"projected:\n{projected}\nrebuilt:\n{rebuilt}\ncounted:\n{counted}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
        Assert.True(Count(everything.Values).Departures.Count > 0, "the histories verified no departure at all: the property checked nothing");
    }

    [Fact]
    public void After_a_random_history_the_projection_equals_a_rebuild_from_the_log() =>
        AssertEqualsARebuildAndTheDomainsCount(writerCounts: false);

    [Fact]
    public void After_a_random_history_counted_in_turns_by_the_writer_and_the_projection_the_cells_equal_a_rebuild()
    {
        AssertEqualsARebuildAndTheDomainsCount(writerCounts: true);
        Assert.True(countedByTheWriter > 0, "no append was counted by the writer: the property checked only the projection");
    }

    [Fact]
    public async Task A_correction_moves_a_departure_to_another_country_and_the_cells_follow()
    {
        var report = new DepartureReported(Domain.Countries.CountryCode.Parse("GTM"), DepartureSource.SelfReport) { On = new LocalDate(2025, 2, 3) };
        await AppendAsync("012345678", 0, CaseLog.Normalise(Opening("012345678")));
        await AppendAsync("012345678", 1, report);
        await AppendAsync("012345678", 2, new DepartureVerified { On = new LocalDate(2025, 2, 10) });
        await Projection.CatchUpAsync();
        Assert.Equal([new DepartureCell("2025-02", "GTM", "departure-without-order", "self-report", 1)], (await Projection.SnapshotAsync()).Departures);

        var corrected = report with { DestinationCountry = Domain.Countries.CountryCode.Parse("MEX") };
        await AppendAsync("012345678", 3, new EntryCorrected(2, "the destination was misread",
            System.Text.Json.JsonDocument.Parse(EventJson.SerializeBody(corrected)).RootElement.Clone()) { On = new LocalDate(2025, 2, 20) });
        Assert.Equal(3, (await Projection.LagAsync()).Position);
        Assert.Equal(1, (await Projection.LagAsync()).Events);
        await Projection.CatchUpAsync();

        Assert.Equal([new DepartureCell("2025-02", "MEX", "departure-without-order", "self-report", 1)], (await Projection.SnapshotAsync()).Departures);
        Assert.Equal(0, (await Projection.LagAsync()).Events);
    }

    /// <summary>
    /// One step writes a cell a row through one reused command; with Npgsql's automatic
    /// preparation, every cell after the fifth took an earlier cell's values while the command's
    /// parameters were cleared and added again (npgsql/npgsql#3850).
    /// </summary>
    [Fact]
    public async Task Bug_with_automatic_preparation_a_step_over_many_departures_wrote_earlier_cells_values()
    {
        string[] countries = ["GTM", "MEX", "HND", "SLV", "NIC", "CRI", "PAN", "COL", "ECU", "PER", "BOL", "CHL"];
        for (var i = 0; i < countries.Length; i++)
        {
            var aNumber = $"0123460{i:D2}";
            await AppendAsync(aNumber, 0, CaseLog.Normalise(Opening(aNumber)));
            await AppendAsync(aNumber, 1, new DepartureReported(Domain.Countries.CountryCode.Parse(countries[i]), DepartureSource.SelfReport) { On = new LocalDate(2025, 2, 3) });
            await AppendAsync(aNumber, 2, new DepartureVerified { On = new LocalDate(2025, 2, 10) });
        }

        await Projection.CatchUpAsync();

        Assert.Equal(
            countries.Order(StringComparer.Ordinal).Select(c => new DepartureCell("2025-02", c, "departure-without-order", "self-report", 1)),
            (await Projection.SnapshotAsync()).Departures.OrderBy(c => c.Country, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_departure_verified_through_the_command_side_is_counted_as_it_is_written()
    {
        await Projection.CatchUpAsync();
        var counting = new CaseLog(Writer, Reader, CourtCalendar.Default, Domain.Calendar.LegalClock.InDefaultZone(Clock), countsStatistics: true);
        var number = await OpenCaseAsync("012345679", cases: counting);
        var reported = await counting.AppendAsync(number, 1, new DepartureReported(Domain.Countries.CountryCode.Parse("GTM"), DepartureSource.SelfReport) { On = new LocalDate(2025, 2, 3) }, "officer-brackwater");
        Assert.IsType<CaseCommandResult.Appended>(reported);
        var verified = await counting.AppendAsync(number, 2, new DepartureVerified { On = new LocalDate(2025, 2, 10) }, "officer-brackwater");
        Assert.IsType<CaseCommandResult.Appended>(verified);

        // No catch-up: the writer counted each append in its own transaction.
        Assert.Equal((3L, 0L), ((await Projection.LagAsync()).Position, (await Projection.LagAsync()).Events));
        Assert.Equal([new DepartureCell("2025-02", "GTM", "departure-without-order", "self-report", 1)], (await Projection.SnapshotAsync()).Departures);

        // An append that brings no statistics (as an import's) is left to the projection, and so is every one after it until it catches up.
        await AppendAsync("012345680", 0, CaseLog.Normalise(Opening("012345680")));
        await AppendAddressAsync(number, 3, "5 Ledger Lane, Springfield", counting);
        Assert.Equal((3L, 2L), ((await Projection.LagAsync()).Position, (await Projection.LagAsync()).Events));
        await Projection.CatchUpAsync();
        await AppendAddressAsync(number, 4, "6 Ledger Lane, Springfield", counting);
        Assert.Equal(0, (await Projection.LagAsync()).Events);
    }

    /// <summary>The Domain's count of the histories, with no database in between.</summary>
    private static ProjectionSnapshot Count(IEnumerable<List<CaseEvent>> streams)
    {
        var contributions = streams.Select(s => CaseContribution.Of(CaseHistory.Fold(s), CourtCalendar.Default)).ToList();
        var departures = contributions.Where(c => c.Departure is not null).GroupBy(c => c.Departure!)
            .Select(g => new DepartureCell(g.Key.Month, g.Key.Country, g.Key.Kind, g.Key.Source, g.Count()))
            .OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Source, StringComparer.Ordinal)
            .ToList();
        var outcomes = contributions.SelectMany(c => c.Outcomes).GroupBy(o => o)
            .Select(g => new OutcomeCell(g.Key.Month, g.Key.Court, g.Key.Relief, g.Key.Representation, g.Key.InAbsentia, g.Count()))
            .OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Court, StringComparer.Ordinal).ThenBy(c => c.Relief, StringComparer.Ordinal)
            .ThenBy(c => c.Representation, StringComparer.Ordinal).ThenBy(c => c.InAbsentia, StringComparer.Ordinal)
            .ToList();
        return new ProjectionSnapshot(0, departures, outcomes);
    }
}

public sealed class ProjectionTestsOnSqlite() : ProjectionTests(StoreKind.Sqlite);

public sealed class ProjectionTestsOnPostgres() : ProjectionTests(StoreKind.Postgres)
{
    [Fact]
    public async Task The_writer_never_waits_for_a_projection_step_it_leaves_the_count_to_it()
    {
        var projection = new StatisticsProjection(Db, CourtCalendar.Default);
        await projection.CatchUpAsync();
        var counting = new CaseLog(Writer, Reader, CourtCalendar.Default, Domain.Calendar.LegalClock.InDefaultZone(Clock), countsStatistics: true);
        await using var step = await Db.OpenConnectionAsync();
        await ExecuteAsync(step, $"SELECT pg_advisory_lock({StatisticsProjection.ProjectionLock})");

        var opened = OpenCaseAsync("012345681", cases: counting);
        Assert.Same(opened, await Task.WhenAny(opened, Task.Delay(TimeSpan.FromSeconds(10))));
        var number = await opened;
        Assert.Equal(1, (await projection.LagAsync()).Events);

        await ExecuteAsync(step, $"SELECT pg_advisory_unlock({StatisticsProjection.ProjectionLock})");
        await projection.CatchUpAsync();
        await AppendAddressAsync(number, 1, "7 Ledger Lane, Springfield", counting);
        Assert.Equal(0, (await projection.LagAsync()).Events);
    }
}
