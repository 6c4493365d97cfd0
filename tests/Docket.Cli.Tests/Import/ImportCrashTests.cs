using System.Diagnostics;
using System.Globalization;
using System.Text;
using Docket.Cli.Tests.Infrastructure;
using Docket.Store;

namespace Docket.Cli.Tests.Import;

/// <summary>
/// The real <c>docket</c> program, run as a child process, is killed (SIGKILL, no chance to
/// clean up) half-way through an import, once some events have committed; the same import run
/// again finishes the job: every event of the file is in the log exactly once, in file order
/// with its original hash, the chains verify, every case has its summary, and the temporary
/// spool the killed import left behind is gone.
/// </summary>
public abstract class ImportCrashTests(DatabaseKind kind) : IAsyncLifetime
{
    private const int Cases = 2400;
    private const string RecordedAt = "2025-06-02T10:00:00.000Z";

    private readonly TempFolder files = new();
    private TestDatabase target = null!;

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateAsync(kind);
        // The schema (and SQLite's WAL) in place first, so the test can count events while the child writes.
        await new DocketDatabase(target.Target).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        files.Delete();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    /// <summary>
    /// An export of synthetic cases with 4 to 7 events each, hash-chained as Docket writes them;
    /// every other pair of cases has its lines interleaved, so some cases arrive a line at a time.
    /// </summary>
    private static (string Text, int Events) SyntheticExport()
    {
        var text = new StringBuilder();
        long position = 0;
        var heads = new Dictionary<string, (int Version, byte[] Hash)>(StringComparer.Ordinal);

        void Write(string aNumber, (string Type, string On, string Payload) e)
        {
            var (version, prev) = heads.TryGetValue(aNumber, out var head) ? head : (0, new byte[32]);
            var (line, hash) = ImportFiles.MakeExportLine(++position, aNumber, version + 1, e.Type, e.On, RecordedAt, "officer-synthetic", e.Payload, prev);
            heads[aNumber] = (version + 1, hash);
            text.Append(line).Append('\n');
        }

        for (var i = 0; i < Cases; i += 2)
        {
            var (a, b) = (ANumber(i), ANumber(i + 1));
            var (first, second) = (History(i, a), History(i + 1, b));
            if (i % 4 == 0)
            {
                for (var k = 0; k < Math.Max(first.Count, second.Count); k++)
                {
                    if (k < first.Count)
                    {
                        Write(a, first[k]);
                    }

                    if (k < second.Count)
                    {
                        Write(b, second[k]);
                    }
                }
            }
            else
            {
                first.ForEach(e => Write(a, e));
                second.ForEach(e => Write(b, e));
            }
        }

        return (text.ToString(), (int)position);
    }

    private static string ANumber(int i) => (310_000_000 + i).ToString(CultureInfo.InvariantCulture);

    private static List<(string Type, string On, string Payload)> History(int i, string aNumber)
    {
        List<(string, string, string)> events =
        [
            ("CaseOpened", "2024-03-01", $$"""{"aNumber":"{{aNumber}}","familyName":"Fairweather","givenNames":"Case {{i}}","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}"""),
            ("Entered", "2024-02-15", """{"how":"without-inspection"}"""),
            ("NoticeToAppearServed", "2024-03-05", """{"method":"mail","charges":["INA 212(a)(6)(A)(i): present without admission or parole"]}"""),
            ("MailingAddressChanged", "2024-03-10", $$"""{"address":"{{i}} Ledger Lane, Springfield"}"""),
            ("AttorneyEntered", "2024-03-20", """{"name":"Gideon Ashcombe","barNumber":"563897"}"""),
            ("HearingScheduled", "2024-04-01", """{"date":"2024-06-03","kind":"master","court":"New York Broadway"}"""),
            ("ApplicationFiled", "2024-04-15", """{"relief":"asylum"}"""),
        ];
        return events.Take(4 + (i % 4)).ToList();
    }

    [Fact]
    public async Task An_import_killed_half_way_and_run_again_holds_every_event_exactly_once()
    {
        var (export, events) = SyntheticExport();
        var path = files.Write("synthetic.ndjson", export);
        // The child's temporary folder is the test's, to see what a killed import leaves there.
        var temp = Directory.CreateDirectory(Path.Combine(files.Path, "tmp")).FullName;
        ProcessStartInfo Import() => ChildDocket.Start(temp, "import", path, "--db", target.DbArgument);

        var start = Import();
        using (var child = Process.Start(start) ?? throw new InvalidOperationException("could not start docket"))
        {
            var stdout = child.StandardOutput.ReadToEndAsync();
            var stderr = child.StandardError.ReadToEndAsync();
            try
            {
                var deadline = Stopwatch.StartNew();
                while (await ImportFiles.EventCountAsync(target) == 0)
                {
                    if (child.HasExited)
                    {
                        Assert.Fail($"docket import ended (exit {child.ExitCode}) before the test saw an event commit\n{await stdout}\n{await stderr}");
                    }

                    Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no event committed within a minute");
                    await Task.Delay(20);
                }
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }

            // Killed, not finished: no exit code of its own and no report.
            var output = await stdout;
            Assert.True(child.ExitCode != DocketCli.Ok, $"exit {child.ExitCode}\n{output}\n{await stderr}");
            Assert.DoesNotContain("Imported", output, StringComparison.Ordinal);
            await stderr;
        }

        var committed = await ImportFiles.EventCountAsync(target);
        Assert.InRange(committed, 1, events - 1);

        Assert.Single(Directory.GetDirectories(temp, "docket-import-*"));

        var again = await ChildDocket.RunToEndAsync(Import());

        Assert.True(again.ExitCode == DocketCli.Ok, again.Output + again.Error);
        Assert.Empty(Directory.GetDirectories(temp, "docket-import-*"));
        var line = Assert.Single(again.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Imported {events - committed} events into {Cases} cases in ", line, StringComparison.Ordinal);
        Assert.EndsWith($"; {committed} were already there.", line, StringComparison.Ordinal);

        // Exactly the file: every event once, in file order, with its original hash.
        Assert.Equal(export, await ImportFiles.ExportAsync(target.DbArgument));
        var verify = await Shell.RunAsync("verify", "--db", target.DbArgument);
        Assert.True(verify.ExitCode == DocketCli.Ok, verify.ToString());
        Assert.StartsWith($"intact: {events} events in {Cases} cases", verify.StdoutLines[^1], StringComparison.Ordinal);

        // Every case has its summary, at its last version.
        Assert.Equal(Cases, await target.ScalarAsync("SELECT COUNT(*) FROM cases"));
        Assert.Equal(events, await target.ScalarAsync("SELECT SUM(version) FROM cases"));
        Assert.Equal(0, await target.ScalarAsync(
            "SELECT COUNT(*) FROM cases c WHERE c.version <> (SELECT MAX(e.version) FROM events e WHERE e.a_number = c.a_number)"));
        Assert.Equal(Cases / 2, await target.ScalarAsync("SELECT COUNT(*) FROM cases WHERE attorney_bar_number = '563897' AND next_hearing_on = '2024-06-03'"));
    }
}

public sealed class ImportCrashOnSqlite() : ImportCrashTests(DatabaseKind.Sqlite);

public sealed class ImportCrashOnPostgres() : ImportCrashTests(DatabaseKind.Postgres);
