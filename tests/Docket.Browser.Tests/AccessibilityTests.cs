using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// Every staff page, signed out and signed in as each role, has no WCAG 2.1 A/AA violation that
/// axe-core finds, has one h1, fits a 390 px screen, and is photographed at 1280 and 390 px.
/// </summary>
public sealed class AccessibilityTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task Every_page_signed_out_passes_axe_with_one_h1()
    {
        var page = await site.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A refusal's own status (401, 404) is reported too; only other resources count.
            if (message.Type == "error" && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url, StringComparison.Ordinal)))
            {
                errors.Add($"{page.Url}: console error: {message.Text}");
            }
        };
        var problems = new List<string>();
        // A user of the set-up page's own: a link replaces its user's password and authenticator.
        await site.Server.AddUserAsync("officer-newcomer", Docket.Store.Users.UserRoles.Officer, "NYC");
        var setup = await site.Server.App.Services.GetRequiredService<Docket.Store.Staff.StaffCredentials>().IssueSetupAsync("officer-newcomer", NodaTime.Duration.FromDays(1));
        foreach (var (path, name) in new[] { ("/", "sign-in"), ("/rules", "rules"), ($"/setup/{setup}", "setup"), ("/no-such-page", "not-found") })
        {
            await page.GotoAsync(path);
            problems.AddRange(await PageChecks.CheckAsync(page, name));
        }

        // A refused sign-in shows its error summary.
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync("nobody");
        await page.GetByLabel("Password").FillAsync("not anyone's password at all");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "sign-in-refused"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Every_page_signed_in_passes_axe_with_one_h1_for_each_role()
    {
        var digits = await site.OpenCaseAsync("Thistlewood", "Oriel Maren");
        var problems = new List<string>();

        var officer = await site.SignedInAsync("officer-nyc");
        foreach (var (path, name) in new[]
        {
            ("/work", "officer-work"),
            ("/cases/find", "officer-find"),
            ("/cases/find?familyName=Thistlewood&dateOfBirth=1990-04-02", "officer-find-results"),
            ($"/cases/{digits}", "officer-case"),
            ($"/cases/{digits}?to=MEX&on=2025-06-02", "officer-case-removal-check"),
            ($"/cases/{digits}/record", "officer-record-choose"),
            ($"/cases/{digits}/record?type=HearingScheduled", "officer-record-hearing"),
            ($"/cases/{digits}/record?type=JudgeDecided", "officer-record-decision"),
            ("/cases/open", "officer-open-case"),
            ("/rules", "officer-rules"),
        })
        {
            await officer.GotoAsync(path);
            problems.AddRange(await PageChecks.CheckAsync(officer, name));
        }

        var supervisor = await site.SignedInAsync("supervisor-lax");
        await supervisor.GotoAsync("/cases/find");
        problems.AddRange(await PageChecks.CheckAsync(supervisor, "supervisor-find"));
        await supervisor.GetByLabel("A-number", new() { Exact = true }).Last.FillAsync(digits);
        await supervisor.GetByLabel("Reason").FillAsync("Review of the office's hearing notices");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Read the case and log it" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckAsync(supervisor, "supervisor-break-glass-case"));

        var auditor = await site.SignedInAsync("auditor-oig");
        await auditor.GotoAsync("/cases/find");
        problems.AddRange(await PageChecks.CheckAsync(auditor, "auditor-find"));

        var attorney = await site.SignedInAsync("attorney-of-record");
        await attorney.GotoAsync("/work");
        problems.AddRange(await PageChecks.CheckAsync(attorney, "attorney-work"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
