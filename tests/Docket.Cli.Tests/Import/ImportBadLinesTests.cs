using System.Text.Json.Nodes;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// A file with bad lines: by default (<c>--on-error stop</c>) the import exits 1, names every bad
/// line by its number with a reason, and writes nothing; with <c>--on-error skip</c> it imports
/// the cases without a bad line, whole, and no event of a case with one.
/// </summary>
public abstract class ImportBadLinesTests(DemoExport source) : IAsyncLifetime
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

    private sealed record BadLine(int Line, string ANumber, string Reason);

    /// <summary>A file mixing export and plain cases, six of them with one bad line each.</summary>
    private sealed class MixedFile
    {
        public List<string> Lines { get; } = [];

        public List<BadLine> Bad { get; } = [];

        /// <summary>The cases with no bad line, and how many events each brings.</summary>
        public Dictionary<string, int> GoodCases { get; } = [];

        public HashSet<string> BadCases { get; } = [];

        public int Next => Lines.Count + 1;

        public void Add(string line) => Lines.Add(line);

        public void AddBad(string line, string aNumber, string reason)
        {
            Bad.Add(new BadLine(Next, aNumber, reason));
            BadCases.Add(aNumber);
            Lines.Add(line);
        }
    }

    private List<List<ExportedEvent>> CasesWithThreeOrMoreEvents(int count)
    {
        var cases = source.Events.GroupBy(e => e.ANumber).Where(g => g.Count() >= 3).Select(g => g.ToList()).Take(count).ToList();
        Assert.Equal(count, cases.Count);
        return cases;
    }

    private MixedFile BuildMixedFile()
    {
        var c = CasesWithThreeOrMoreEvents(9);
        var file = new MixedFile();

        // A good export case.
        c[0].ForEach(e => file.Add(e.Line));
        file.GoodCases[c[0][0].ANumber] = c[0].Count;

        // An export case whose last line was altered: its hash no longer matches.
        foreach (var e in c[1].SkipLast(1))
        {
            file.Add(e.Line);
        }

        var last = c[1][^1].ToJson();
        var hash = last["hash"]!.GetValue<string>();
        last["hash"] = hash[..^1] + (hash[^1] == '0' ? "1" : "0");
        file.AddBad(last.ToJsonString(), c[1][0].ANumber, "hash does not match");

        // A good plain case, its lines interleaved with those of a plain case with an impossible date.
        var good = c[2].Select(e => e.ToPlain()).ToList();
        var dated = c[4].Select(e => e.ToPlain()).ToList();
        for (var i = 0; i < Math.Max(good.Count, dated.Count); i++)
        {
            if (i < good.Count)
            {
                file.Add(good[i].ToJsonString());
            }

            if (i < dated.Count)
            {
                file.Add(dated[i].ToJsonString());
            }
        }

        file.GoodCases[c[2][0].ANumber] = c[2].Count;
        var impossible = new JsonObject { ["aNumber"] = c[4][0].ANumber, ["type"] = "MailingAddressChanged", ["on"] = "2025-02-30", ["address"] = "1 Ledger Lane, Springfield" };
        file.AddBad(impossible.ToJsonString(), c[4][0].ANumber, "on: must be a real calendar date");

        // A plain case with a line that is not well-formed JSON (cut short), the case still named in it.
        var cut = c[3].Select(e => e.ToPlain().ToJsonString()).ToList();
        file.Add(cut[0]);
        file.AddBad(cut[1][..^6], c[3][0].ANumber, "not well-formed JSON");
        cut.Skip(2).ToList().ForEach(file.Add);

        // A plain case with an event type that does not exist.
        c[5].ForEach(e => file.Add(e.ToPlain().ToJsonString()));
        var unknownType = new JsonObject { ["aNumber"] = c[5][0].ANumber, ["type"] = "CaseTeleported", ["on"] = "2025-03-01" };
        file.AddBad(unknownType.ToJsonString(), c[5][0].ANumber, "'CaseTeleported' is not an event type");

        // A plain case with a field its event type does not have.
        c[6].ForEach(e => file.Add(e.ToPlain().ToJsonString()));
        var unknownField = new JsonObject
        {
            ["aNumber"] = c[6][0].ANumber, ["type"] = "MailingAddressChanged", ["on"] = "2025-03-01",
            ["address"] = "2 Ledger Lane, Springfield", ["favouriteColour"] = "blue",
        };
        file.AddBad(unknownField.ToJsonString(), c[6][0].ANumber, "favouriteColour: is not a field of MailingAddressChanged");

        // A plain case whose first line is not its CaseOpened.
        var swapped = c[7].Select(e => e.ToPlain().ToJsonString()).ToList();
        file.AddBad(swapped[1], c[7][0].ANumber, "first line must be its CaseOpened");
        file.Add(swapped[0]);
        swapped.Skip(2).ToList().ForEach(file.Add);

        // A good export case after all of them.
        c[8].ForEach(e => file.Add(e.Line));
        file.GoodCases[c[8][0].ANumber] = c[8].Count;

        Assert.Equal(6, file.BadCases.Count);
        return file;
    }

    private static void AssertNamesEveryBadLine(CliRun run, string fileName, IEnumerable<BadLine> bad)
    {
        foreach (var (line, aNumber, reason) in bad)
        {
            var prefix = $"docket: {fileName}: line {line} (case {aNumber}): ";
            var named = run.StderrLines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.True(named.Count == 1, $"expected one line starting '{prefix}'\n{run}");
            Assert.True(named[0].Contains(reason, StringComparison.Ordinal), $"expected '{reason}' in: {named[0]}");
        }
    }

    [Fact]
    public async Task Bad_lines_stop_the_import_with_exit_2_not_the_tampering_exit_1_each_named_by_line_number_and_nothing_written()
    {
        var file = BuildMixedFile();
        var path = files.Write("mixed.ndjson", ImportFiles.Ndjson(file.Lines));

        var run = await Shell.RunAsync("import", path, "--db", target.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Failed, $"expected exit 2\n{run}");
        Assert.Empty(run.Stdout);
        AssertNamesEveryBadLine(run, "mixed.ndjson", file.Bad);
        Assert.Equal(file.Bad.Count + 1, run.StderrLines.Count);
        Assert.StartsWith($"docket: {file.Bad.Count} bad lines in mixed.ndjson; nothing was imported", run.StderrLines[^1], StringComparison.Ordinal);
        Assert.Equal(0, await ImportFiles.EventCountAsync(target));
        Assert.Equal(0, await target.ScalarAsync("SELECT COUNT(*) FROM cases"));
    }

    [Fact]
    public async Task With_on_error_skip_the_cases_without_bad_lines_are_imported_whole_and_no_event_of_the_others()
    {
        var file = BuildMixedFile();
        var path = files.Write("mixed.ndjson", ImportFiles.Ndjson(file.Lines));

        var run = await Shell.RunAsync("import", path, "--db", target.DbArgument, "--on-error", "skip");

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        AssertNamesEveryBadLine(run, "mixed.ndjson", file.Bad);
        var good = file.GoodCases.Values.Sum();
        Assert.StartsWith($"Imported {good} events into {file.GoodCases.Count} cases in ", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
        Assert.EndsWith($"; skipped {file.Lines.Count - good} lines of {file.BadCases.Count} cases with bad lines.", run.StdoutLines[0], StringComparison.Ordinal);

        var imported = ImportFiles.Read(await ImportFiles.ExportAsync(target.DbArgument));
        Assert.Equal(good, imported.Count);
        Assert.DoesNotContain(imported, e => file.BadCases.Contains(e.ANumber));
        foreach (var (aNumber, events) in file.GoodCases)
        {
            Assert.Equal(Enumerable.Range(1, events), imported.Where(e => e.ANumber == aNumber).Select(e => e.Version));
        }

        // The export cases kept their chains: every hash is the one they were exported with.
        var sourceHashes = source.Events.ToDictionary(e => (e.ANumber, e.Version), e => e.Hash);
        Assert.All(imported.Where(e => e.RecordedBy != "import"), e => Assert.Equal(sourceHashes[(e.ANumber, e.Version)], e.Hash));
        Assert.Equal(2, imported.Where(e => e.RecordedBy != "import").Select(e => e.ANumber).Distinct().Count());

        Assert.Equal(file.GoodCases.Count, await target.ScalarAsync("SELECT COUNT(*) FROM cases"));
        var verify = await Shell.RunAsync("verify", "--db", target.DbArgument);
        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
    }

    [Fact]
    public async Task A_bad_csv_row_is_named_by_its_line_in_the_file_and_stops_with_exit_2()
    {
        var c = CasesWithThreeOrMoreEvents(2);
        var rows = c.SelectMany(events => events.Select(e => e.ToPlain())).ToList();
        var bad = c[0].Count + 1; // the second event of the second case
        rows[bad]["on"] = "2025-02-30";
        var path = files.Write("plain.csv", ImportFiles.Csv(rows));

        var stopped = await Shell.RunAsync("import", path, "--db", target.DbArgument);

        Assert.True(stopped.ExitCode == DocketCli.Failed, $"expected exit 2\n{stopped}");
        // The header is line 1, so row i (from 0) is line i + 2.
        AssertNamesEveryBadLine(stopped, "plain.csv", [new BadLine(bad + 2, c[1][0].ANumber, "on: must be a real calendar date")]);
        Assert.Equal(0, await ImportFiles.EventCountAsync(target));

        var skipped = await Shell.RunAsync("import", path, "--db", target.DbArgument, "--on-error", "skip");

        Assert.True(skipped.ExitCode == DocketCli.Ok, skipped.ToString());
        Assert.Equal(c[0].Count, await ImportFiles.EventCountAsync(target));
        Assert.Equal(0, await target.ScalarAsync($"SELECT COUNT(*) FROM events WHERE a_number = {ImportFiles.Sql(c[1][0].ANumber)}"));
    }
}

public sealed class ImportBadLinesOnSqlite(DemoExportOnSqlite source) : ImportBadLinesTests(source), IClassFixture<DemoExportOnSqlite>;

public sealed class ImportBadLinesOnPostgres(DemoExportOnPostgres source) : ImportBadLinesTests(source), IClassFixture<DemoExportOnPostgres>;
