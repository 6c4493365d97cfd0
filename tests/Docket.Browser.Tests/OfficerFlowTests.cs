using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// An officer's day by clicking: sign in with password and code, find a case, record a hearing
/// and a decision, read the deadlines and the removal check, be refused a removal with the rule
/// shown, record an appeal; and a form that went stale meets the conflict page.
/// </summary>
public sealed class OfficerFlowTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task An_officer_records_a_hearing_and_a_decision_sees_the_deadlines_is_refused_a_removal_and_records_an_appeal()
    {
        var digits = await site.OpenCaseAsync("Ravensworth", "Idony");
        var page = await site.SignedInAsync("officer-nyc");

        // Find the case by its A-number.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Find a case" }).ClickAsync();
        await page.GetByLabel("A-number").FillAsync($"A{digits[..3]}-{digits[3..6]}-{digits[6..]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(digits);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ravensworth");

        // Record a hearing.
        await RecordAsync(page, "Hearing scheduled", async form =>
        {
            await form.GetByLabel("Date", new() { Exact = true }).FillAsync("2025-07-15");
            await ChooseAsync(form, "master");
            await form.GetByLabel("Court", new() { Exact = true }).FillAsync("New York Broadway Immigration Court");
        });
        await Assertions.Expect(page.GetByText("Recorded: the case is now at version 3.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline ~ ol li").First).ToContainTextAsync("Hearing scheduled");

        // Record the judge's decision: removal ordered to Mexico, appeal reserved.
        await RecordAsync(page, "Judge decided", async form =>
        {
            await ChooseAsync(form, "removal ordered");
            await form.GetByLabel("Removal country (optional)").SelectOptionAsync("MEX");
            await ChooseAsync(form, "reserved");
        });
        await Assertions.Expect(page.GetByText("Recorded: the case is now at version 4.")).ToBeVisibleAsync();

        // The appeal deadline, with its rule linked to the rules page.
        var deadlines = page.Locator("table", new() { Has = page.GetByText("What it means") });
        await Assertions.Expect(deadlines).ToContainTextAsync("Wednesday, 2 July 2025");
        var appealRule = deadlines.GetByRole(AriaRole.Link, new() { Name = "APPEAL-IJ-30D" });
        await Assertions.Expect(appealRule).ToHaveAttributeAsync("href", "/rules#APPEAL-IJ-30D");

        // The removal check: blocked while the appeal window is open.
        await page.GetByLabel("Destination").SelectOptionAsync("MEX");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2025-06-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#removal-outcome")).ToContainTextAsync("Blocked");
        await Assertions.Expect(page.Locator("#removal-outcome").GetByRole(AriaRole.Link, new() { Name = "APPEAL-IJ-30D" })).ToBeVisibleAsync();

        // Recording the removal is refused, with the rule shown beside the form and what was typed kept.
        await RecordAsync(page, "Removal carried out", async form => await form.GetByLabel("Destination country").SelectOptionAsync("MEX"));
        await Assertions.Expect(page.GetByText("A safeguard of the law forbids this step")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "APPEAL-IJ-30D" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Destination country")).ToHaveValueAsync("MEX");
        Assert.Empty(await PageChecks.CheckAsync(page, "record-refused"));

        // The rule link leads to the rule's text.
        await page.GetByRole(AriaRole.Link, new() { Name = "APPEAL-IJ-30D" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#APPEAL-IJ-30D")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rules#APPEAL-IJ-30D$"));

        // The person's appeal is filed.
        await page.GotoAsync($"/cases/{digits}");
        await RecordAsync(page, "Appeal filed", _ => Task.CompletedTask);
        await Assertions.Expect(page.GetByText("Recorded: the case is now at version 5.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline ~ ol li").First).ToContainTextAsync("Appeal filed");
        await Assertions.Expect(page.Locator(".usa-step-indicator__heading-text")).ToHaveTextAsync("On appeal");
        Assert.Empty(await PageChecks.CheckAsync(page, "officer-flow-after-appeal"));
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_recorded_gets_the_conflict_page_and_can_be_applied_again()
    {
        var digits = await site.OpenCaseAsync("Marchbank", "Eluned");
        var mine = await site.SignedInAsync("officer-nyc");
        var theirs = await site.SignedInAsync("supervisor-nyc");

        await mine.GotoAsync($"/cases/{digits}/record?type=MailingAddressChanged");
        await mine.GetByLabel("Address").FillAsync("14 Larkspur Row, Queens NY");

        await theirs.GotoAsync($"/cases/{digits}/record?type=HearingScheduled");
        await theirs.GetByLabel("Date", new() { Exact = true }).FillAsync("2025-08-04");
        await ChooseAsync(theirs, "individual");
        await theirs.GetByLabel("Court", new() { Exact = true }).FillAsync("New York Varick Immigration Court");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(theirs.GetByText("Recorded: the case is now at version 3.")).ToBeVisibleAsync();

        await mine.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(mine.GetByText("Someone recorded an event on this case since you opened it")).ToBeVisibleAsync();
        await Assertions.Expect(mine.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Hearing scheduled");
        await Assertions.Expect(mine.GetByRole(AriaRole.Alert).First).ToContainTextAsync("supervisor-nyc");
        await Assertions.Expect(mine.GetByLabel("Address")).ToHaveValueAsync("14 Larkspur Row, Queens NY");
        Assert.Empty(await PageChecks.CheckAsync(mine, "record-conflict"));

        await mine.GetByRole(AriaRole.Button, new() { Name = "Record it on the case as it is now" }).ClickAsync();
        await Assertions.Expect(mine.GetByText("Recorded: the case is now at version 4.")).ToBeVisibleAsync();
    }

    /// <summary>Clicks a radio button's label, as a person does (USWDS draws the button itself on the label).</summary>
    private static Task ChooseAsync(IPage page, string label) =>
        page.Locator("label.usa-radio__label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{label}$") }).ClickAsync();

    /// <summary>Chooses the event in the case page's "Record an event" control, fills its form and sends it.</summary>
    private static async Task RecordAsync(IPage page, string eventInWords, Func<IPage, Task> fill)
    {
        await page.GetByLabel("Record an event").SelectOptionAsync(new SelectOptionValue { Label = eventInWords });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the form" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(eventInWords);
        await Assertions.Expect(page.GetByLabel("Effective date")).ToHaveValueAsync("2025-06-02");
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
    }
}
