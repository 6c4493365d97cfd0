using System.Data.Common;
using Docket.Cli.Tests.Infrastructure;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// Plain event lines <c>{aNumber, type, on, ...fields}</c>, two cases interleaved: each case's
/// lines take versions 1, 2, 3... in file order, the events are recorded by "import", and the
/// imported case folds to the state the lines describe, in the log and in the case summary.
/// </summary>
public abstract class ImportPlainLinesTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string First = "212345678";
    private const string Second = "212345679";

    // The first case is written the way a person might (prefix, dashes, a lower-case office).
    private static readonly string[] Lines =
    [
        """{"aNumber":"A212-345-678","type":"CaseOpened","on":"2024-02-01","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"nyc"}""",
        """{"aNumber":"212345678","type":"Entered","on":"2024-01-15","how":"without-inspection"}""",
        """{"aNumber":"212345679","type":"CaseOpened","on":"2024-02-02","familyName":"Marchbanks","givenNames":"Odile","dateOfBirth":"1985-07-30","citizenship":"HND","office":"MIA"}""",
        """{"aNumber":"A212345678","type":"MailingAddressChanged","on":"2024-02-03","address":"12 Ledger Lane, Springfield"}""",
        """{"aNumber":"212345679","type":"MailingAddressChanged","on":"2024-02-04","address":"9 Quire Court, Springfield"}""",
        """{"aNumber":"212345678","type":"NoticeToAppearServed","on":"2024-02-10","method":"mail","charges":["INA 212(a)(6)(A)(i): present without admission or parole"]}""",
        """{"aNumber":"212345678","type":"AttorneyEntered","on":"2024-02-20","name":"Gideon Ashcombe","barNumber":"563897"}""",
        """{"aNumber":"212345678","type":"HearingScheduled","on":"2024-02-21","date":"2024-05-01","kind":"master","court":"New York Broadway","earlierDateRequested":false}""",
    ];

    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync() => target = await TestDatabase.CreateAsync(kind);

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    private async Task ImportAsync()
    {
        var run = await Shell.RunAsync("import", files.Write("plain.ndjson", ImportFiles.Ndjson(Lines)), "--db", target.DbArgument);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("Imported 8 events into 2 cases in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_case_takes_versions_in_file_order_recorded_by_import()
    {
        await ImportAsync();

        var reader = new EventReader(new DocketDatabase(target.Target));
        var first = await reader.ReadStreamAsync(First);
        var second = await reader.ReadStreamAsync(Second);

        Assert.Equal([1, 2, 3, 4, 5, 6], first.Select(e => e.Version));
        Assert.Equal(["CaseOpened", "Entered", "MailingAddressChanged", "NoticeToAppearServed", "AttorneyEntered", "HearingScheduled"], first.Select(e => e.Type));
        Assert.Equal([1, 2], second.Select(e => e.Version));
        Assert.Equal(["CaseOpened", "MailingAddressChanged"], second.Select(e => e.Type));
        Assert.All(first.Concat(second), e => Assert.Equal("import", e.RecordedBy));
        Assert.All(first.Concat(second), e => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", e.RecordedAt));

        // Positions follow the file: the second case's opening is the third line.
        Assert.Equal(3, second[0].Position);
        Assert.Equal(4, first[2].Position);

        // The opening is stored as the API would store it: the A-number normalised, the office upper-case.
        Assert.Equal(
            """{"aNumber":"212345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""",
            first[0].Payload);
        Assert.Equal("2024-02-01", first[0].EffectiveOn);
    }

    [Fact]
    public async Task The_imported_case_folds_to_the_state_its_lines_describe()
    {
        await ImportAsync();

        var rows = await new EventReader(new DocketDatabase(target.Target)).ReadStreamAsync(First);
        var state = CaseHistory.Fold(EventReader.ToDomain(rows));

        Assert.True(state.Exists);
        Assert.Equal(First, state.Identity!.ANumber.Digits);
        Assert.Equal("Quillfeather", state.Identity.FamilyName);
        Assert.Equal("NYC", state.Identity.Office);
        Assert.Equal(CaseStage.InProceedings, state.Stage);
        Assert.Equal(6, state.Version);
        Assert.Equal(new LocalDate(2024, 1, 15), state.LastArrivalOn);
        Assert.Equal(new LocalDate(2024, 2, 10), state.NoticeToAppearServedOn);
        Assert.Equal("12 Ledger Lane, Springfield", state.MailingAddress);
        Assert.Equal("563897", state.Attorney!.BarNumber);
        Assert.Equal(new Hearing(new LocalDate(2024, 5, 1), HearingKind.Master, "New York Broadway"), state.ScheduledHearing);
    }

    [Fact]
    public async Task The_case_summaries_are_rebuilt_from_the_imported_events()
    {
        await ImportAsync();

        Assert.Equal(
            ("NYC", "in-proceedings", 6L, "563897", "2024-05-01", "Quillfeather"),
            await SummaryAsync(First));
        Assert.Equal(
            ("MIA", "pre-proceedings", 2L, (string?)null, (string?)null, "Marchbanks"),
            await SummaryAsync(Second));

        var verify = await Shell.RunAsync("verify", "--db", target.DbArgument);
        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
        Assert.StartsWith("intact: 8 events in 2 cases", verify.StdoutLines[^1], StringComparison.Ordinal);
    }

    private async Task<(string Office, string Stage, long Version, string? Attorney, string? NextHearing, string FamilyName)> SummaryAsync(string aNumber)
    {
        await using var connection = await target.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT office, stage, version, attorney_bar_number, next_hearing_on, family_name FROM cases WHERE a_number = {ImportFiles.Sql(aNumber)}";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"case {aNumber} has a summary");
        string? Nullable(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return (reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), Nullable(3), Nullable(4), reader.GetString(5));
    }
}

public sealed class ImportPlainLinesOnSqlite() : ImportPlainLinesTests(DatabaseKind.Sqlite);

public sealed class ImportPlainLinesOnPostgres() : ImportPlainLinesTests(DatabaseKind.Postgres);
