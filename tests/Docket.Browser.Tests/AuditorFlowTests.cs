using Docket.Store;
using Docket.Web.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// The auditors' pages by clicking, each signed in with password and code: an auditor filters the
/// access log and downloads its CSV; a supervisor breaks glass with a reason, another person
/// reviews the read (after being refused an empty note) and the review is in the log; verify now
/// ends in the report beside the checkpoints. Every page passes axe with one h1 and is photographed.
/// </summary>
public sealed class AuditorFlowTests(StaffSite site) : IClassFixture<StaffSite>
{
    private static ILocator Nav(IPage page, string link) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true });

    private static async Task BreakGlassAsync(IPage supervisor, string digits, string reason)
    {
        await supervisor.GotoAsync("/cases/find");
        await supervisor.GetByLabel("A-number", new() { Exact = true }).Last.FillAsync(digits);
        await supervisor.GetByLabel("Reason").FillAsync(reason);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Read the case and log it" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync(digits);
    }

    [Fact]
    public async Task An_auditor_filters_the_access_log_and_downloads_the_csv_of_the_same_filters()
    {
        var digits = await site.OpenCaseAsync("Marchbank", "Ilse Verena");
        var problems = new List<string>();
        var officer = await site.SignedInAsync("officer-nyc");
        await officer.GotoAsync($"/cases/{digits}");
        var supervisor = await site.SignedInAsync("supervisor-lax");
        await BreakGlassAsync(supervisor, digits, "Court asked for the file, bond hearing");

        var auditor = await site.SignedInAsync("auditor-oig");
        await Nav(auditor, "Access log").ClickAsync();
        await Assertions.Expect(auditor.Locator("h1")).ToHaveTextAsync("Access log");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-access-log"));

        await auditor.GetByLabel("A-number").FillAsync(digits);
        await auditor.Locator("label.usa-checkbox__label", new() { HasText = "Break-glass reads only" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        var rows = auditor.Locator("table.docket-log tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("supervisor-lax");
        await Assertions.Expect(rows.First).ToContainTextAsync("Court asked for the file, bond hearing");
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = $"A{digits}" })).ToHaveAttributeAsync("href", $"/cases/{digits}");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-access-log-filtered"));

        var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.StartsWith("docket-access-log-", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,userName,role,office,aNumber,purpose,breakGlass,reason,outcome", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Matches($"^\\d+,\\d{{4}}-\\d\\d-\\d\\dT[0-9:.]+Z,supervisor-lax,supervisor,LAX,{digits},case,true,\"Court asked for the file, bond hearing\",allowed$", row);

        // Without the break-glass filter the officer's read is there too, and the CSV follows.
        await auditor.Locator("label.usa-checkbox__label", new() { HasText = "Break-glass reads only" }).ClickAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "officer-nyc" }).First).ToBeVisibleAsync();
        var shown = await rows.CountAsync();
        Assert.True(shown >= 2, $"{shown} rows");
        var all = await auditor.RunAndWaitForDownloadAsync(() => auditor.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var allLines = (await File.ReadAllTextAsync(await all.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shown + 1, allLines.Length);
        Assert.Contains(allLines, l => l.Contains(",officer-nyc,officer,NYC," + digits + ",case,false,,allowed", StringComparison.Ordinal));

        // A wrong filter is shown in the error summary.
        await auditor.GetByLabel("From").FillAsync("2025-06-10");
        await auditor.GetByLabel("To (included)").FillAsync("2025-06-01");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(auditor.GetByText("The filters could not be used")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-access-log-bad-filter"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_supervisor_breaks_glass_with_a_reason_another_person_reviews_it_and_the_review_is_in_the_log()
    {
        var digits = await site.OpenCaseAsync("Oakenshaw", "Perpetua");
        var problems = new List<string>();
        var supervisor = await site.SignedInAsync("supervisor-lax");
        await BreakGlassAsync(supervisor, digits, "Transfer of the file between offices");

        // The reader sees their own read waiting, with no form: someone else reviews it.
        await Nav(supervisor, "Break-glass reviews").ClickAsync();
        var own = supervisor.Locator("li.docket-review", new() { HasText = $"A{digits}" });
        await Assertions.Expect(own).ToContainTextAsync("You made this read.");
        await Assertions.Expect(own.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        problems.AddRange(await PageChecks.CheckAsync(supervisor, "supervisor-break-glass-own"));

        var auditor = await site.SignedInAsync("auditor-oig");
        await Nav(auditor, "Break-glass reviews").ClickAsync();
        var read = auditor.Locator("li.docket-review", new() { HasText = $"A{digits}" });
        await Assertions.Expect(read).ToContainTextAsync("Transfer of the file between offices");
        await Assertions.Expect(read).ToContainTextAsync("supervisor-lax (supervisor, LAX)");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-break-glass"));

        // No note: refused, said beside the read.
        await read.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(auditor.GetByText("a review needs a note").First).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-break-glass-refused"));

        read = auditor.Locator("li.docket-review", new() { HasText = $"A{digits}" });
        await read.GetByLabel("Review note").FillAsync("Transfer request on file; the reason matches it.");
        await read.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(auditor.GetByText("is marked reviewed. Your review is written to the access log.")).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("li.docket-review", new() { HasText = $"A{digits}" })).ToHaveCountAsync(0);
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-break-glass-reviewed"));

        // The review is in the access log, about the case.
        await Nav(auditor, "Access log").ClickAsync();
        await auditor.GetByLabel("A-number").FillAsync(digits);
        await auditor.GetByLabel("User name").FillAsync("auditor-oig");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        var review = auditor.Locator("table.docket-log tbody tr");
        await Assertions.Expect(review).ToHaveCountAsync(1);
        await Assertions.Expect(review.First).ToContainTextAsync("break-glass-review");
        await Assertions.Expect(review.First).ToContainTextAsync("allowed");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Verify_now_ends_in_the_report_beside_the_checkpoints()
    {
        await site.OpenCaseAsync("Fenwright", "Osric");
        await (await site.Server.App.Services.GetRequiredService<CheckpointKeeper>().GetAsync()).IssueAsync(onlyIfGrown: false);
        var problems = new List<string>();
        var auditor = await site.SignedInAsync("auditor-oig");
        await Nav(auditor, "Verification").ClickAsync();
        await Assertions.Expect(auditor.Locator("h1")).ToHaveTextAsync("Checkpoints and verification");
        await Assertions.Expect(auditor.Locator("table").First).ToContainTextAsync("#1");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-verify"));

        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#verify-status")).ToContainTextAsync("Intact", new() { Timeout = 30_000 });
        await Assertions.Expect(auditor.Locator("#verify-status")).ToContainTextAsync("every hash chain recomputed");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-verify-report"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>
/// A verification held up (by a lock on the events table, as a long log would hold it) shows its
/// progress; with script the page follows it without a reload and ends in the report.
/// </summary>
public sealed class VerifyProgressTests(PostgresStaffSite site) : IClassFixture<PostgresStaffSite>
{
    [Fact]
    public async Task A_running_verification_shows_its_progress_and_the_page_follows_it_to_the_report()
    {
        await site.OpenCaseAsync("Larkspur", "Wendeline");
        var auditor = await site.SignedInAsync("auditor-oig");
        await auditor.GotoAsync("/audit/verify");
        var problems = new List<string>();

        var database = new DocketDatabase(site.Server.Target);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "LOCK TABLE events IN ACCESS EXCLUSIVE MODE";
                await command.ExecuteNonQueryAsync();
            }

            await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
            await Assertions.Expect(auditor.Locator("#verify-status")).ToContainTextAsync("is running.");
            await Assertions.Expect(auditor.GetByLabel("Events checked")).ToBeVisibleAsync();
            problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-verify-running"));

            await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
            await Assertions.Expect(auditor.GetByText("A verification was already running, so no second one was started")).ToBeVisibleAsync();
            problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-verify-already-running"));
            await transaction.RollbackAsync();
        }

        // No click, no reload: the page's script brings the report.
        var url = auditor.Url;
        await Assertions.Expect(auditor.Locator("#verify-status")).ToContainTextAsync("Intact", new() { Timeout = 30_000 });
        Assert.Equal(url, auditor.Url);
        await Assertions.Expect(auditor.Locator("#verify-status")).ToContainTextAsync("Verification 1, started by auditor-oig");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
