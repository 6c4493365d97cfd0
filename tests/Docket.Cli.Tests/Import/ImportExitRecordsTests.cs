using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// <c>docket import --exit-records</c>: departure reports for cases already in the log, judged as
/// the API judges them; importing the same file twice adds nothing; a bad line is named by its
/// line number and, by default, nothing is written. A report already on its case (the person's
/// own, or one of the file) is recognised; a rejected report of another source is not.
/// </summary>
public abstract class ImportExitRecordsTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string First = "212345688";
    private const string Second = "212345689";

    private static readonly CountryCode Guatemala = CountryCode.Parse("GTM");

    private static readonly string[] History =
    [
        $$"""{"aNumber":"{{First}}","type":"CaseOpened","on":"2024-02-01","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""",
        $$"""{"aNumber":"{{Second}}","type":"CaseOpened","on":"2024-02-02","familyName":"Marchbanks","givenNames":"Odile","dateOfBirth":"1985-07-30","citizenship":"HND","office":"MIA"}""",
    ];

    private static readonly string[] Exits =
    [
        $$"""{"aNumber":"{{First}}","type":"DepartureReported","on":"2025-03-14","destinationCountry":"GTM","source":"exit-record","port":"IAH","mode":"air","evidence":"exit-record"}""",
        $$"""{"aNumber":"A{{Second}}","type":"DepartureReported","on":"2025-04-02","destinationCountry":"HND","source":"carrier-manifest","mode":"air"}""",
    ];

    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateAsync(kind);
        var run = await Shell.RunAsync("import", files.Write("history.ndjson", ImportFiles.Ndjson(History)), "--db", target.DbArgument);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
    }

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    /// <summary>Records an event on the first case as the API would (decided, then appended), as a person or an officer did before the import.</summary>
    private async Task RecordAsync(CaseEvent @event)
    {
        var database = new DocketDatabase(target.Target);
        await using var writer = new EventWriter(database, SystemClock.Instance);
        var cases = new CaseLog(writer, new EventReader(database), CourtCalendar.Default, LegalClock.InDefaultZone(SystemClock.Instance));
        var state = await cases.LoadAsync(ANumber.Parse(First));
        var result = await cases.AppendAsync(state!, state!.Version, @event, "officer-nyc");
        Assert.IsType<CaseCommandResult.Appended>(result);
    }

    private async Task<IReadOnlyList<EventRow>> StreamAsync(string aNumber) =>
        await new EventReader(new DocketDatabase(target.Target)).ReadStreamAsync(aNumber);

    [Fact]
    public async Task Each_report_is_appended_to_its_case_and_a_second_import_adds_nothing()
    {
        var path = files.Write("exits.ndjson", ImportFiles.Ndjson(Exits));

        var first = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);
        var second = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);

        Assert.True(first.ExitCode == DocketCli.Ok, first.ToString());
        Assert.StartsWith("Imported 2 departure reports in ", Assert.Single(first.StdoutLines), StringComparison.Ordinal);
        Assert.True(second.ExitCode == DocketCli.Ok, second.ToString());
        Assert.StartsWith("Imported 0 departure reports in ", Assert.Single(second.StdoutLines), StringComparison.Ordinal);
        Assert.Contains("2 were already there", second.Stdout, StringComparison.Ordinal);
        var stream = await StreamAsync(First);
        Assert.Equal(["CaseOpened", "DepartureReported"], stream.Select(e => e.Type));
        Assert.Equal("import", stream[^1].RecordedBy);
        Assert.Equal(2, (await StreamAsync(Second)).Count);
    }

    [Fact]
    public async Task An_exit_record_of_a_departure_the_person_already_reported_is_already_there()
    {
        await RecordAsync(new DepartureReported(Guatemala, DepartureSource.SelfReport) { On = new LocalDate(2025, 3, 14) });

        var run = await Shell.RunAsync("import", files.Write("exits.ndjson", ImportFiles.Ndjson(Exits)), "--exit-records", "--db", target.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("Imported 1 departure reports in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        Assert.Contains("1 were already there", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["CaseOpened", "DepartureReported"], (await StreamAsync(First)).Select(e => e.Type));
    }

    [Fact]
    public async Task The_same_departure_twice_in_one_file_is_added_once()
    {
        var run = await Shell.RunAsync("import", files.Write("twice.ndjson", ImportFiles.Ndjson([Exits[0], Exits[0].Replace("\"port\":\"IAH\",", "", StringComparison.Ordinal)])), "--exit-records", "--db", target.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("Imported 1 departure reports in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        Assert.Contains("1 were already there", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await StreamAsync(First)).Count);
    }

    [Fact]
    public async Task Bug_an_exit_record_of_a_departure_whose_self_report_was_rejected_was_skipped_as_already_there_and_is_added()
    {
        await RecordAsync(new DepartureReported(Guatemala, DepartureSource.SelfReport) { On = new LocalDate(2025, 3, 14) });
        await RecordAsync(new DepartureRejected("no evidence was sent with the report") { On = new LocalDate(2025, 3, 20) });
        var path = files.Write("exits.ndjson", ImportFiles.Ndjson(Exits));

        var run = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);
        var again = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("Imported 2 departure reports in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        var stream = await StreamAsync(First);
        Assert.Equal(["CaseOpened", "DepartureReported", "DepartureRejected", "DepartureReported"], stream.Select(e => e.Type));
        Assert.Contains("\"source\":\"exit-record\"", stream[^1].Payload, StringComparison.Ordinal);
        Assert.StartsWith("Imported 0 departure reports in ", Assert.Single(again.StdoutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exit_record_an_officer_rejected_is_not_added_again_by_importing_the_file_again()
    {
        var path = files.Write("exits.ndjson", ImportFiles.Ndjson(Exits));
        var first = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);
        Assert.True(first.ExitCode == DocketCli.Ok, first.ToString());
        await RecordAsync(new DepartureRejected("the record is of another traveller") { On = new LocalDate(2025, 3, 20) });

        var again = await Shell.RunAsync("import", path, "--exit-records", "--db", target.DbArgument);

        Assert.True(again.ExitCode == DocketCli.Ok, again.ToString());
        Assert.StartsWith("Imported 0 departure reports in ", Assert.Single(again.StdoutLines), StringComparison.Ordinal);
        Assert.Contains("2 were already there", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(["CaseOpened", "DepartureReported", "DepartureRejected"], (await StreamAsync(First)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_future_dated_record_or_an_unknown_case_is_named_by_line_and_nothing_is_written()
    {
        var lines = Exits.Append($$"""{"aNumber":"{{First}}","type":"DepartureReported","on":"2099-01-01","destinationCountry":"MEX","source":"exit-record"}""")
            .Append("""{"aNumber":"299999999","type":"DepartureReported","on":"2025-03-14","destinationCountry":"MEX","source":"exit-record"}""")
            .ToArray();

        var run = await Shell.RunAsync("import", files.Write("bad.ndjson", ImportFiles.Ndjson(lines)), "--exit-records", "--db", target.DbArgument);

        Assert.Equal(DocketCli.Failed, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.Contains("line 3", StringComparison.Ordinal) && l.Contains("RECORD-NOT-FUTURE", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.Contains("line 4", StringComparison.Ordinal) && l.Contains("no case", StringComparison.Ordinal));
        Assert.Single(await StreamAsync(First));
        Assert.Single(await StreamAsync(Second));
    }

    [Fact]
    public async Task A_self_report_or_another_event_type_is_not_an_exit_record()
    {
        string[] lines =
        [
            $$"""{"aNumber":"{{First}}","type":"DepartureReported","on":"2025-03-14","destinationCountry":"GTM","source":"self-report"}""",
            $$"""{"aNumber":"{{First}}","type":"MailingAddressChanged","on":"2025-03-14","address":"1 Main St"}""",
        ];

        var run = await Shell.RunAsync("import", files.Write("other.ndjson", ImportFiles.Ndjson(lines)), "--exit-records", "--db", target.DbArgument);

        Assert.Equal(DocketCli.Failed, run.ExitCode);
        Assert.Contains(run.StderrLines, l => l.Contains("line 1", StringComparison.Ordinal) && l.Contains("self-report", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.Contains("line 2", StringComparison.Ordinal));
        Assert.Single(await StreamAsync(First));
    }
}

public sealed class ImportExitRecordsOnSqlite() : ImportExitRecordsTests(DatabaseKind.Sqlite);

public sealed class ImportExitRecordsOnPostgres() : ImportExitRecordsTests(DatabaseKind.Postgres);
