using Docket.Cli.Tests.Infrastructure;
using Docket.Store;
using Docket.Store.Events;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// <c>docket import --exit-records</c>: departure reports for cases already in the log, judged as
/// the API judges them; importing the same file twice adds nothing; a bad line is named by its
/// line number and, by default, nothing is written.
/// </summary>
public abstract class ImportExitRecordsTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string First = "212345688";
    private const string Second = "212345689";

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
