using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Cli.Tests.Import;
using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Calendar;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Statistics;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Cli.Tests.Statistics;

/// <summary>
/// <c>docket serve</c> publishes a release on its own once a month is complete (the monthly
/// schedule, on by default), with its clock injected so that a month passes at once: one release
/// through May in June, none more for May when the server is started again (even with a late
/// verification of May in the log), and the next one, through June, once July begins.
/// </summary>
public abstract partial class ServeReleaseScheduleTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly Instant InJune = Instant.FromUtc(2025, 6, 2, 15, 0);

    private readonly FakeClock clock = new(InJune);
    private readonly TempFolder files = new();
    private TestDatabase target = null!;
    private int nextCase;

    [GeneratedRegex(@"Docket is listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateMigratedAsync(kind);
    }

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    private DocketDatabase Database => new(target.Target);

    private StatisticsReleases Releases() =>
        new(Database, new StatisticsProjection(Database, CourtCalendar.Default), clock, LegalClock.InDefaultZone(clock));

    [Fact]
    public async Task Serve_issues_the_release_of_a_complete_month_once_not_again_after_a_restart_and_the_next_when_the_month_turns()
    {
        await DepartedCaseAsync(new LocalDate(2025, 5, 12));

        await using (var first = await ServeAsync())
        {
            var listed = await WaitForAsync(async () => await Releases().ListAsync() is { Count: > 0 } some ? some : null, first);
            var released = Assert.Single(listed);
            Assert.Equal((1, "2025-05"), (released.Number, released.ThroughMonth));
        }

        // While it is stopped a verification of May is recorded late: May's figures change.
        await DepartedCaseAsync(new LocalDate(2025, 5, 20));

        await using (var second = await ServeAsync())
        {
            // Two catch-ups after the restart: the schedule's step after the first has run.
            await CountedAsync(second);
            await AnotherCaseOpenedAsync();
            await CountedAsync(second);
            var listed = await Releases().ListAsync();
            Assert.True(listed.Count == 1, $"a restart in the same month published again: {string.Join(", ", listed.Select(r => $"{r.Number} through {r.ThroughMonth}"))}");

            // July begins: the release through June is published, counting the late May departure as a revision.
            clock.Reset(Instant.FromUtc(2025, 7, 1, 15, 0));
            var next = await WaitForAsync(async () => await Releases().ListAsync() is [var latest, _] ? latest : null, second);
            Assert.Equal((2, "2025-06"), (next.Number, next.ThroughMonth));
            Assert.Contains("2025-05", next.Note, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = second.Address };
            using var answer = JsonDocument.Parse(await http.GetStringAsync("/api/stats/releases"));
            Assert.Equal([2, 1], answer.RootElement.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        }
    }

    /// <summary>A case opened in April whose departure on <paramref name="leftOn"/> was verified two days later, and closed.</summary>
    private async Task DepartedCaseAsync(LocalDate leftOn)
    {
        var digits = (245_000_000 + Interlocked.Increment(ref nextCase)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        CaseEvent[] events =
        [
            new CaseOpened(digits, "Thistlewood", "Oriel", new LocalDate(1988, 3, 9), CountryCode.Parse("GTM"), "NYC") { On = new LocalDate(2025, 4, 1) },
            new DepartureReported(CountryCode.Parse("GTM"), DepartureSource.ExitRecord) { On = leftOn },
            new DepartureVerified { On = leftOn.PlusDays(2) },
            new CaseClosed(ClosureReason.Departed) { On = leftOn.PlusDays(2) },
        ];
        await AppendAsync(digits, 0, events);
    }

    /// <summary>One more event in the log, written by another writer than the server's (as another process would).</summary>
    private async Task AnotherCaseOpenedAsync()
    {
        var digits = (245_000_000 + Interlocked.Increment(ref nextCase)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await AppendAsync(digits, 0, [new CaseOpened(digits, "Quillfeather", "Anselm", new LocalDate(1990, 1, 2), CountryCode.Parse("MEX"), "NYC") { On = new LocalDate(2025, 5, 2) }]);
    }

    private async Task AppendAsync(string digits, int expected, IReadOnlyList<CaseEvent> events)
    {
        await using var writer = new EventWriter(Database, clock);
        var result = await writer.AppendAsync(new AppendRequest(digits, expected, [.. events.Select(CaseLog.ToPending)], "officer-brackwater", null));
        Assert.IsType<AppendResult.Appended>(result);
    }

    /// <summary>Waits until the running server's statistics have counted the whole log.</summary>
    private async Task CountedAsync(Served served)
    {
        var projection = new StatisticsProjection(Database, CourtCalendar.Default);
        await WaitForAsync(async () => await projection.LagAsync() is { Events: 0, LogEnd: > 0 } lag ? lag : null, served);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, Served served)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.False(served.Run.IsCompleted, $"serve ended early\n{served.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"not within 60 s\n{served.Output}");
            await Task.Delay(100);
        }
    }

    private async Task<Served> ServeAsync()
    {
        var stdout = new ConcurrentWriter();
        var stderr = new ConcurrentWriter();
        var stop = new CancellationTokenSource();
        var key = Path.Combine(files.Path, "checkpoint-key.pem");
        var run = Task.Run(() => DocketCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--db", target.DbArgument, "--key", key], stdout, stderr, clock, stop.Token));
        var served = new Served(run, stop, stdout, stderr);
        var listening = await WaitForAsync(() => Task.FromResult(Listening().Match(stdout.ToString()) is { Success: true } m ? m : null), served);
        served.Address = new Uri(listening.Groups["url"].Value);
        return served;
    }

    /// <summary>A running <c>docket serve</c>; disposing it stops it and requires a clean exit.</summary>
    private sealed class Served(Task<int> run, CancellationTokenSource stop, ConcurrentWriter stdout, ConcurrentWriter stderr) : IAsyncDisposable
    {
        public Task<int> Run { get; } = run;

        public Uri Address { get; set; } = null!;

        public string Output => $"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}";

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            var exit = await Run.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Dispose();
            Assert.True(exit == DocketCli.Ok, $"stopping is a clean exit, got {exit}\n{Output}");
        }
    }
}

public sealed class ServeReleaseScheduleOnSqlite() : ServeReleaseScheduleTests(DatabaseKind.Sqlite);

public sealed class ServeReleaseScheduleOnPostgres() : ServeReleaseScheduleTests(DatabaseKind.Postgres);
