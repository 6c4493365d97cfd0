using System.Text.Json.Nodes;
using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// An import into a log that already holds events looks each chunk up, then queues it, before
/// the next chunk is looked up. A regression test: the next chunk was once looked up while the
/// previous one still was, and when the first lookup was the slower (its case has a long
/// history of long events) the later chunk reached the writer first, so the case spanning the
/// two was refused as a conflict ("differs from the event the log already holds") though
/// nothing differed. The race needs lookups that really run concurrently: on PostgreSQL this
/// test failed in most runs before the fix (timing decides); SQLite's lookups never overlap.
/// </summary>
public abstract class ImportIntoNonEmptyLogTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string LongCase = "213000001";
    private const string NewCase = "213000002";
    private const int LongCaseLinesInFile = 2000;
    private const int LongCaseEvents = 30_000;
    private const int NewCaseEvents = 9000;

    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateAsync(kind);
        var database = new DocketDatabase(target.Target);
        await database.MigrateAsync();

        // A case with a long history of long events: looking its events up takes a while.
        await using var writer = new EventWriter(database, SystemClock.Instance);
        var opened = new CaseOpened(LongCase, "Fairweather", "Long", new LocalDate(1980, 5, 6), CountryCode.Parse("GTM"), "NYC") { On = new LocalDate(2024, 1, 2) };
        var events = new List<PendingEvent> { CaseLog.ToPending(opened) };
        events.AddRange(Enumerable.Range(2, LongCaseEvents - 1).Select(v => CaseLog.ToPending(Moved(v, v > LongCaseLinesInFile))));
        var appends = events.Chunk(2000).Select((chunk, i) => writer.AppendAsync(new AppendRequest(LongCase, i * 2000, chunk, "officer-brackwater", null))).ToList();
        Assert.All(await Task.WhenAll(appends), result => Assert.IsType<AppendResult.Appended>(result));
    }

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    private static MailingAddressChanged Moved(int version, bool padded) =>
        new($"{version} Ledger Lane, Springfield" + (padded ? " " + new string('x', 1900) : "")) { On = new LocalDate(2024, 1, 3) };

    private static JsonObject Plain(string aNumber, CaseEvent @event)
    {
        var plain = JsonNode.Parse(EventJson.SerializeBody(@event))!.AsObject();
        plain.Remove("aNumber");
        var line = new JsonObject { ["aNumber"] = aNumber };
        foreach (var (name, value) in plain)
        {
            line[name] = value?.DeepClone();
        }

        return line;
    }

    [Fact]
    public async Task A_case_spanning_chunks_is_imported_whole_after_a_chunk_whose_cases_have_long_histories()
    {
        // The first chunk: the long case's first lines (already in the log) and the new case's start;
        // the second and third chunks: the rest of the new case.
        var lines = new List<JsonObject>
        {
            Plain(LongCase, new CaseOpened(LongCase, "Fairweather", "Long", new LocalDate(1980, 5, 6), CountryCode.Parse("GTM"), "NYC") { On = new LocalDate(2024, 1, 2) }),
        };
        lines.AddRange(Enumerable.Range(2, LongCaseLinesInFile - 1).Select(v => Plain(LongCase, Moved(v, false))));
        lines.Add(Plain(NewCase, new CaseOpened(NewCase, "Marchbanks", "New", new LocalDate(1985, 7, 30), CountryCode.Parse("HND"), "MIA") { On = new LocalDate(2024, 2, 1) }));
        lines.AddRange(Enumerable.Range(2, NewCaseEvents - 1).Select(v => Plain(NewCase, Moved(v, false))));
        var path = files.Write("more.ndjson", ImportFiles.Ndjson(lines));

        var run = await Shell.RunAsync("import", path, "--db", target.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith($"Imported {NewCaseEvents} events into 2 cases in ", line, StringComparison.Ordinal);
        Assert.EndsWith($"; {LongCaseLinesInFile} were already there.", line, StringComparison.Ordinal);
        Assert.Equal(NewCaseEvents, await target.ScalarAsync($"SELECT MAX(version) FROM events WHERE a_number = {ImportFiles.Sql(NewCase)}"));
        Assert.Equal(LongCaseEvents + 1, await target.ScalarAsync($"SELECT MIN(position) FROM events WHERE a_number = {ImportFiles.Sql(NewCase)}"));
        Assert.Equal(LongCaseEvents + NewCaseEvents, await target.ScalarAsync($"SELECT MAX(position) FROM events WHERE a_number = {ImportFiles.Sql(NewCase)}"));
        Assert.Equal(NewCaseEvents, await target.ScalarAsync($"SELECT version FROM cases WHERE a_number = {ImportFiles.Sql(NewCase)}"));
    }
}

public sealed class ImportIntoNonEmptyLogOnSqlite() : ImportIntoNonEmptyLogTests(DatabaseKind.Sqlite);

public sealed class ImportIntoNonEmptyLogOnPostgres() : ImportIntoNonEmptyLogTests(DatabaseKind.Postgres);
