using System.Globalization;
using Docket.Cli.Tests.Infrastructure;
using Docket.Store;
using Docket.Store.Cases;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// An import folds case summaries while it checks the file, not from the log afterwards: those
/// summaries must be exactly what folding the log gives, including for a case whose lines are
/// so far apart in the file that it is summarised from the log instead.
/// </summary>
public abstract class ImportCaseSummaryTests(DemoExport source) : IAsyncLifetime
{
    private const string Columns = "a_number, family_name, given_names, date_of_birth, citizenship, office, stage, version, attorney_bar_number, next_hearing_on";
    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync() => target = await TestDatabase.CreateAsync(source.Kind);

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Summaries_folded_while_checking_are_what_a_rebuild_from_the_log_gives()
    {
        await ImportOkAsync(files.Write("export.ndjson", source.Text));
        var imported = await SummariesAsync();

        var aNumbers = imported.Select(row => row[0]!).ToList();
        await CaseProjection.RebuildAsync(new DocketDatabase(target.Target), aNumbers, null, CancellationToken.None);

        Assert.Equal(DemoExport.Cases, imported.Count);
        Assert.Equal(await SummariesAsync(), imported);
    }

    [Fact]
    public async Task A_case_whose_lines_are_far_apart_in_the_file_is_summarised_from_the_log()
    {
        const string scattered = "310000000";
        const int others = 5000; // more cases than the checking pass keeps open at once
        var lines = new List<string> { Opening(scattered) };
        lines.AddRange(Enumerable.Range(1, others).Select(i => Opening((310000000 + i).ToString(CultureInfo.InvariantCulture))));
        lines.Add($$"""{"aNumber":"{{scattered}}","type":"NoticeToAppearServed","on":"2024-03-01","method":"personal","charges":["INA 237(a)(1)(B): remained longer than permitted"]}""");
        lines.Add($$"""{"aNumber":"{{scattered}}","type":"HearingScheduled","on":"2024-03-02","date":"2024-06-03","kind":"master","court":"Miami Krome"}""");

        await ImportOkAsync(files.Write("scattered.ndjson", ImportFiles.Ndjson(lines)));

        var summaries = await SummariesAsync();
        Assert.Equal(others + 1, summaries.Count);
        var row = Assert.Single(summaries, r => r[0] == scattered);
        Assert.Equal(("in-proceedings", "3", "2024-06-03"), (row[6], row[7], row[9]));
        Assert.All(summaries.Where(r => r[0] != scattered), r => Assert.Equal(("pre-proceedings", "1"), (r[6], r[7])));
    }

    private static string Opening(string aNumber) =>
        $$"""{"aNumber":"{{aNumber}}","type":"CaseOpened","on":"2024-02-01","familyName":"Thistlewood","givenNames":"Maren","dateOfBirth":"1991-04-05","citizenship":"GTM","office":"MIA"}""";

    private async Task ImportOkAsync(string path)
    {
        var run = await Shell.RunAsync("import", path, "--db", target.DbArgument);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
    }

    private async Task<List<string?[]>> SummariesAsync()
    {
        await using var connection = await target.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM cases ORDER BY a_number";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}

public sealed class ImportCaseSummaryOnSqlite(DemoExportOnSqlite source) : ImportCaseSummaryTests(source), IClassFixture<DemoExportOnSqlite>;

public sealed class ImportCaseSummaryOnPostgres(DemoExportOnPostgres source) : ImportCaseSummaryTests(source), IClassFixture<DemoExportOnPostgres>;
