using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// <c>docket import</c> of a demo database's export into an empty database: the export of the
/// result is the source export byte for byte; importing again adds nothing, for an export, for
/// plain NDJSON lines and for plain CSV rows made from it; a line that disagrees with what the
/// log holds stops the import. Each test imports into its own fresh database.
/// </summary>
public abstract class ImportRoundTripTests(DemoExport source) : IAsyncLifetime
{
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

    private Task<CliRun> ImportAsync(string path, params string[] options) => Shell.RunAsync(["import", path, "--db", target.DbArgument, .. options]);

    private async Task<CliRun> ImportOkAsync(string path, params string[] options)
    {
        var run = await ImportAsync(path, options);
        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Shell.AssertSaysOnlyWhichDatabase(run);
        return run;
    }

    private async Task VerifyIntactAsync()
    {
        var verify = await Shell.RunAsync("verify", "--db", target.DbArgument);
        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
        Assert.StartsWith($"intact: {source.Events.Count} events in {DemoExport.Cases} cases", verify.StdoutLines[^1], StringComparison.Ordinal);
    }

    /// <summary>Imports a file twice: the first run writes every event, the second nothing.</summary>
    private async Task ImportTwiceAsync(string path, params string[] options)
    {
        var events = source.Events.Count;

        var first = await ImportOkAsync(path, options);
        Assert.StartsWith($"Imported {events} events into {DemoExport.Cases} cases in ", Assert.Single(first.StdoutLines), StringComparison.Ordinal);
        Assert.DoesNotContain("already there", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(events, await ImportFiles.EventCountAsync(target));

        var second = await ImportOkAsync(path, options);
        var line = Assert.Single(second.StdoutLines);
        Assert.StartsWith($"Imported 0 events into {DemoExport.Cases} cases in ", line, StringComparison.Ordinal);
        Assert.EndsWith($"; {events} were already there.", line, StringComparison.Ordinal);
        Assert.Equal(events, await ImportFiles.EventCountAsync(target));
        Assert.Equal(DemoExport.Cases, await target.ScalarAsync("SELECT COUNT(*) FROM cases"));
    }

    /// <summary>Plain lines keep every event's case, version, position, type, date and payload; the author is "import".</summary>
    private async Task AssertSameEventsRecordedByImportAsync()
    {
        var imported = ImportFiles.Read(await ImportFiles.ExportAsync(target.DbArgument));
        Assert.Equal(source.Events.Count, imported.Count);
        for (var i = 0; i < imported.Count; i++)
        {
            var (expected, actual) = (source.Events[i], imported[i]);
            Assert.Equal(
                (expected.Position, expected.ANumber, expected.Version, expected.Type, expected.On, expected.Payload),
                (actual.Position, actual.ANumber, actual.Version, actual.Type, actual.On, actual.Payload));
            Assert.Equal("import", actual.RecordedBy);
        }

        await VerifyIntactAsync();
    }

    [Fact]
    public async Task An_export_imported_into_an_empty_database_exports_again_byte_for_byte_and_verifies()
    {
        var path = files.Write("source.ndjson", source.Text);

        var run = await ImportOkAsync(path);

        Assert.StartsWith($"Imported {source.Events.Count} events into {DemoExport.Cases} cases in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        Assert.Equal(source.Text, await ImportFiles.ExportAsync(target.DbArgument));
        await VerifyIntactAsync();
        Assert.Equal(DemoExport.Cases, await target.ScalarAsync("SELECT COUNT(*) FROM cases"));
        Assert.Equal(
            source.Events.Count,
            await target.ScalarAsync("SELECT SUM(version) FROM cases"));
    }

    [Fact]
    public async Task An_export_imported_twice_adds_nothing_the_second_time()
    {
        await ImportTwiceAsync(files.Write("source.ndjson", source.Text));

        Assert.Equal(source.Text, await ImportFiles.ExportAsync(target.DbArgument));
    }

    [Fact]
    public async Task An_export_written_as_csv_imports_to_the_same_log_and_twice_adds_nothing()
    {
        var path = files.Write("source.csv", ImportFiles.Csv(source.Events.Select(e => e.ToJson()).ToList()));

        await ImportTwiceAsync(path);

        Assert.Equal(source.Text, await ImportFiles.ExportAsync(target.DbArgument));
    }

    [Fact]
    public async Task Plain_ndjson_lines_imported_twice_add_nothing_the_second_time()
    {
        var path = files.Write("plain.ndjson", ImportFiles.Ndjson(source.Events.Select(e => e.ToPlain())));

        await ImportTwiceAsync(path);

        await AssertSameEventsRecordedByImportAsync();
    }

    [Fact]
    public async Task Plain_csv_rows_imported_twice_add_nothing_the_second_time()
    {
        var csv = ImportFiles.Csv(source.Events.Select(e => e.ToPlain()).ToList());
        Assert.Contains("\"[\"\"", csv, StringComparison.Ordinal); // arrays (charges) are JSON in a quoted cell
        Assert.Contains(",false", csv, StringComparison.Ordinal); // booleans (inAbsentia) are JSON
        var path = files.Write("plain.csv", csv);

        await ImportTwiceAsync(path);

        await AssertSameEventsRecordedByImportAsync();
    }

    [Fact]
    public async Task Plain_csv_rows_are_read_as_csv_when_told_whatever_the_file_is_called()
    {
        var path = files.Write("plain.txt", ImportFiles.Csv(source.Events.Select(e => e.ToPlain()).ToList()));

        await ImportTwiceAsync(path, "--format", "csv");
    }

    [Fact]
    public async Task An_export_line_that_differs_from_the_event_the_log_holds_stops_with_exit_2_naming_it()
    {
        await ImportOkAsync(files.Write("source.ndjson", source.Text));
        var victim = source.Events.GroupBy(e => e.ANumber).First(g => g.Count() >= 3).ToList();
        var (first, second) = (victim[0], victim[1]);
        // A chain that checks out on its own: version 2 recorded by someone else, hashed afresh.
        var (altered, _) = ImportFiles.MakeExportLine(
            second.Position, second.ANumber, 2, second.Type, second.On, second.RecordedAt, "officer-elsewhere", second.Payload, Convert.FromHexString(second.PrevHash));
        var path = files.Write("altered.ndjson", ImportFiles.Ndjson([first.Line, altered]));

        var run = await ImportAsync(path);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("line 2", line, StringComparison.Ordinal);
        Assert.Contains($"case {second.ANumber}", line, StringComparison.Ordinal);
        Assert.Contains("version 2", line, StringComparison.Ordinal);
        Assert.Contains("differs", line, StringComparison.Ordinal);
        Assert.Equal(source.Text, await ImportFiles.ExportAsync(target.DbArgument));
        await VerifyIntactAsync();
    }

    [Fact]
    public async Task A_plain_line_that_differs_from_the_event_the_log_holds_stops_with_exit_2_naming_it()
    {
        await ImportOkAsync(files.Write("source.ndjson", source.Text));
        var victim = source.Events.GroupBy(e => e.ANumber).First(g => g.Count() >= 3).ToList();
        var plain = victim.Select(e => e.ToPlain()).ToList();
        plain[2]["on"] = victim[2].On == "2024-12-31" ? "2024-12-30" : "2024-12-31";
        var path = files.Write("plain.ndjson", ImportFiles.Ndjson(plain));

        var run = await ImportAsync(path);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
        Assert.Contains($"case {victim[2].ANumber}", line, StringComparison.Ordinal);
        Assert.Contains("version 3", line, StringComparison.Ordinal);
        Assert.Equal(source.Text, await ImportFiles.ExportAsync(target.DbArgument));
    }

    [Fact]
    public async Task A_plain_case_whose_history_goes_on_in_a_later_file_gets_only_the_new_events()
    {
        var victim = source.Events.GroupBy(e => e.ANumber).First(g => g.Count() >= 3).Select(e => e.ToPlain()).ToList();
        await ImportOkAsync(files.Write("start.ndjson", ImportFiles.Ndjson(victim.Take(2))));

        var run = await ImportOkAsync(files.Write("whole.ndjson", ImportFiles.Ndjson(victim)));

        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith($"Imported {victim.Count - 2} events into 1 cases in ", line, StringComparison.Ordinal);
        Assert.EndsWith("; 2 were already there.", line, StringComparison.Ordinal);
        Assert.Equal(victim.Count, await ImportFiles.EventCountAsync(target));
        Assert.Equal(victim.Count, await target.ScalarAsync("SELECT version FROM cases"));
    }
}

public sealed class ImportRoundTripOnSqlite(DemoExportOnSqlite source) : ImportRoundTripTests(source), IClassFixture<DemoExportOnSqlite>;

public sealed class ImportRoundTripOnPostgres(DemoExportOnPostgres source) : ImportRoundTripTests(source), IClassFixture<DemoExportOnPostgres>;
