using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Docket.Store;
using Docket.Web.Tests.Infrastructure;
using Docket.Web.Tests.StaffPages;

namespace Docket.Web.Tests.Audit;

/// <summary>What the verification page shows, and waiting for a run to end.</summary>
internal static partial class VerifyPage
{
    public static async Task<string> WhenEndedAsync(PageClient auditor)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var html = await auditor.Http.GetStringAsync("/audit/verify");
            if (html.Contains("data-running=\"false\"", StringComparison.Ordinal))
            {
                return html;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the verification did not end within a minute:\n" + html);
            await Task.Delay(100);
        }
    }

    public static async Task<HttpResponseMessage> VerifyNowAsync(PageClient auditor) =>
        await auditor.PostFormAsync("/audit/verify", [], tokenFrom: "/audit/verify");

    [GeneratedRegex("Verification (\\d+), started by auditor-oig")]
    public static partial Regex RunNumber();
}

/// <summary>
/// "Verify now" on /audit/verify: the verification runs in the background and the page shows it
/// running, then the same report as GET /api/audit/verify; the checkpoints are listed newest first.
/// Only auditors reach the page and its button.
/// </summary>
public abstract class VerifyNowTests(DocketServer server)
{
    [Fact]
    public async Task Verify_now_runs_in_the_background_and_the_page_ends_in_the_report_beside_the_checkpoints()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits);
        await server.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("4 Ledger Lane, Queens NY"));
        using (var issued = await server.As(server.AuditorToken).SendAsync(HttpMethod.Post, "/api/audit/checkpoints"))
        {
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        using var auditor = await server.PagesAsAsync("auditor-oig");
        var before = await auditor.Http.GetStringAsync("/audit/verify");
        Assert.Contains("No verification has been run from this page since the server started.", before, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\" data-label=\"Checkpoint\">#\\d+</th>", before);

        using var started = await VerifyPage.VerifyNowAsync(auditor);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("/audit/verify?started=1#verification", started.Headers.Location?.ToString());

        var report = await VerifyPage.WhenEndedAsync(auditor);
        using var api = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/verify");
        var json = await Json.ReadAsync(api, HttpStatusCode.OK);
        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Contains("<h3 class=\"usa-alert__heading\">Intact</h3>", report, StringComparison.Ordinal);
        var cases = json.GetProperty("casesChecked").GetInt32();
        var counts = $"{json.GetProperty("eventsChecked").GetInt64().ToString("N0", CultureInfo.InvariantCulture)} events in {cases.ToString("N0", CultureInfo.InvariantCulture)} case{(cases == 1 ? "" : "s")}";
        Assert.Contains(counts + ", every hash chain recomputed", report, StringComparison.Ordinal);
        Assert.Equal("1", VerifyPage.RunNumber().Match(report).Groups[1].Value);

        // A second press after the first ended starts a new run.
        using var again = await VerifyPage.VerifyNowAsync(auditor);
        Assert.Equal("/audit/verify?started=1#verification", again.Headers.Location?.ToString());
        Assert.Equal("2", VerifyPage.RunNumber().Match(await VerifyPage.WhenEndedAsync(auditor)).Groups[1].Value);
    }

    [Fact]
    public async Task Only_auditors_see_the_page_and_press_verify_now()
    {
        foreach (var user in new[] { "supervisor-nyc", DocketServer.Officer, "attorney-of-record" })
        {
            using var client = await server.PagesAsAsync(user);
            using var page = await client.Http.GetAsync("/audit/verify");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            using var press = await client.PostFormAsync("/audit/verify", []);
            Assert.Equal(HttpStatusCode.Forbidden, press.StatusCode);
        }
    }
}

public sealed class SqliteVerifyNowTests(SqliteServer server) : VerifyNowTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresVerifyNowTests(PostgresServer server) : VerifyNowTests(server), IClassFixture<PostgresServer>;

/// <summary>
/// One verification at a time: while one runs (held up here by a lock on the events table, as a
/// long log would hold it up), a second press shows the running one and starts nothing; when
/// the lock goes, that run ends in its report.
/// </summary>
public sealed class VerifyNowOneAtATimeTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_second_press_while_a_verification_runs_shows_the_running_one()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);
        using var auditor = await server.PagesAsAsync("auditor-oig");

        var database = new DocketDatabase(server.Target);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "LOCK TABLE events IN ACCESS EXCLUSIVE MODE";
                await command.ExecuteNonQueryAsync();
            }

            using var first = await VerifyPage.VerifyNowAsync(auditor);
            Assert.Equal("/audit/verify?started=1#verification", first.Headers.Location?.ToString());
            var running = await auditor.Http.GetStringAsync("/audit/verify");
            Assert.Contains("data-running=\"true\"", running, StringComparison.Ordinal);
            Assert.Contains("is running.", running, StringComparison.Ordinal);
            Assert.Contains("<progress id=\"verify-progress\"", running, StringComparison.Ordinal);

            using var second = await VerifyPage.VerifyNowAsync(auditor);
            Assert.Equal("/audit/verify?running=1#verification", second.Headers.Location?.ToString());
            var shown = await auditor.Http.GetStringAsync(second.Headers.Location!.ToString());
            Assert.Contains("A verification was already running, so no second one was started", shown, StringComparison.Ordinal);
            Assert.Equal("1", VerifyPage.RunNumber().Match(shown).Groups[1].Value);
            Assert.Contains("data-running=\"true\"", shown, StringComparison.Ordinal);

            await transaction.RollbackAsync();
        }

        var report = await VerifyPage.WhenEndedAsync(auditor);
        Assert.Contains("<h3 class=\"usa-alert__heading\">Intact</h3>", report, StringComparison.Ordinal);
        Assert.Equal("1", VerifyPage.RunNumber().Match(report).Groups[1].Value);
    }
}

/// <summary>A server of its own, whose log the test changes behind Docket's back.</summary>
public sealed class TamperedLogServer() : DocketServer(DatabaseKind.Sqlite);

/// <summary>Verify now on a log changed outside Docket: the report is "Not intact", naming the first event that does not match.</summary>
public sealed class VerifyNowTamperedTests(TamperedLogServer server) : IClassFixture<TamperedLogServer>
{
    [Fact]
    public async Task Verify_now_on_an_edited_event_ends_in_not_intact_naming_the_first_broken_link()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits);
        await server.AsOfficer.AppendAsync(digits, opened.Version, Bodies.AddressChange("4 Ledger Lane, Queens NY"));

        var database = new DocketDatabase(server.Target);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            // Two commands: SQLite counts a DROP as the rows the connection's last UPDATE changed,
            // so one command's total depended on what the pooled connection had written before.
            command.CommandText = "DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete";
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"UPDATE events SET payload = replace(payload, '4 Ledger Lane', '5 Ledger Lane') WHERE a_number = '{digits}' AND version = 2";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        using var auditor = await server.PagesAsAsync("auditor-oig");
        using var press = await VerifyPage.VerifyNowAsync(auditor);
        var report = await VerifyPage.WhenEndedAsync(auditor);

        using var api = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/verify");
        var json = await Json.ReadAsync(api, HttpStatusCode.OK);
        Assert.False(json.GetProperty("intact").GetBoolean());
        var firstBad = json.GetProperty("firstBad").GetProperty("message").GetString()!;
        Assert.Contains(digits, firstBad, StringComparison.Ordinal);
        Assert.Contains("<h3 class=\"usa-alert__heading\">Not intact</h3>", report, StringComparison.Ordinal);
        Assert.Contains("The first thing that does not match: " + firstBad, WebUtility.HtmlDecode(report), StringComparison.Ordinal);
    }
}

/// <summary>A server of its own, whose tree table the test takes away.</summary>
public sealed class BrokenTreeServer() : DocketServer(DatabaseKind.Sqlite);

/// <summary>A verification that cannot run says so, and why, instead of a verdict on the log.</summary>
public sealed class VerifyNowCannotRunTests(BrokenTreeServer server) : IClassFixture<BrokenTreeServer>
{
    [Fact]
    public async Task A_verification_that_cannot_read_the_tree_ends_in_could_not_finish_with_the_reason()
    {
        await server.OpenCaseAsync(server.NewANumber());
        var database = new DocketDatabase(server.Target);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "ALTER TABLE merkle_nodes RENAME TO merkle_nodes_moved_away";
            await command.ExecuteNonQueryAsync();
        }

        using var auditor = await server.PagesAsAsync("auditor-oig");
        using var press = await VerifyPage.VerifyNowAsync(auditor);
        var report = WebUtility.HtmlDecode(await VerifyPage.WhenEndedAsync(auditor));

        Assert.Contains("The verification could not finish", report, StringComparison.Ordinal);
        Assert.Contains("no such table: merkle_nodes", report, StringComparison.Ordinal);
        Assert.Contains("Nothing is known about the log from this run", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Intact", report, StringComparison.Ordinal);
    }
}
