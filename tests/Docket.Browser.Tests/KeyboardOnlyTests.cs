using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// The officer's way in by the keyboard alone (Tab, Shift+Tab, Enter and typing; no clicks and no
/// filling of locators): the skip link moves focus to the main content, every control reached
/// shows where focus is, sign-in, finding a case, recording a hearing on its form and the week view of My work all work; and the
/// person's sign-in, case page and departure report.
/// </summary>
public sealed class KeyboardOnlyTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task An_officer_signs_in_finds_a_case_records_a_hearing_and_reads_a_week_of_my_work_by_keyboard_only()
    {
        var digits = await site.OpenCaseAsync("Kestermoor", "Ilse");
        var page = await site.NewPageAsync();
        var login = site.Logins["officer-nyc"];
        await page.GotoAsync("/");

        // The first Tab reaches the skip link; Enter puts focus on main.
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAsync(page, "a.usa-skipnav");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await TabToAsync(page, "#userName");
        await page.Keyboard.TypeAsync(login.UserName);
        await TabToAsync(page, "#password");
        await page.Keyboard.TypeAsync(login.Password);
        await TabToAsync(page, "#code");
        await page.Keyboard.TypeAsync(login.CodeAt(site.Clock.GetCurrentInstant()));
        // Back and forth: Shift+Tab returns to the password, Tab to the code again.
        await page.Keyboard.PressAsync("Shift+Tab");
        await AssertFocusedAsync(page, "#password");
        await page.Keyboard.PressAsync("Tab");
        await TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        site.Clock.Advance(NodaTime.Duration.FromSeconds(30));
        await page.WaitForURLAsync("**/work", new() { Timeout = 15_000 });

        // Find the case from the main navigation.
        await TabToAsync(page, "nav a[href='/cases/find']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/cases/find");
        await TabToAsync(page, "#aNumber");
        await page.Keyboard.TypeAsync(digits);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kestermoor");

        // Record a hearing: the event type chosen by typing its name into the select.
        await TabToAsync(page, "#record-type");
        await page.Keyboard.TypeAsync("Hearing");
        Assert.Equal("HearingScheduled", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await TabToAsync(page, "#record-type ~ button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/record?type=HearingScheduled");
        await TabToAsync(page, "#field-date");
        await page.Keyboard.TypeAsync("07/15/2025");
        // Tab enters the radio group at its first choice; the arrow keys move and choose.
        await TabToAsync(page, "input[name=kind]");
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("() => document.activeElement.value") != "master"; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
        Assert.Equal("master", await page.EvaluateAsync<string>("() => document.querySelector('input[name=kind]:checked')?.value"));
        await TabToAsync(page, "#field-court");
        await page.Keyboard.TypeAsync("New York Broadway Immigration Court");
        await TabToAsync(page, "form.usa-form--large button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Recorded: the case is now at version 3.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline ~ ol li").First).ToContainTextAsync("Hearing scheduled");
        await Assertions.Expect(page.Locator("#timeline ~ ol li").First).ToContainTextAsync("15 July 2025");

        // My work's week view, through its button group.
        await page.GotoAsync("/work");
        await TabToAsync(page, "#hearings ~ ul a[href*='view=week']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**view=week**");
        await Assertions.Expect(page.Locator("#hearings ~ ul a[aria-current=page]")).ToHaveTextAsync("Week");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_person_signs_in_reads_the_case_and_reports_a_departure_by_keyboard_only()
    {
        var (digits, code) = await PersonFlowTests.DecidedCaseAsync(site);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/my-case/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAsync(page, "a.usa-skipnav");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await TabToAsync(page, "#aNumber");
        await page.Keyboard.TypeAsync(digits);
        await TabToAsync(page, "#accessCode");
        await page.Keyboard.TypeAsync(code);
        await TabToAsync(page, "#dateOfBirth");
        await page.Keyboard.TypeAsync("09/17/1984");
        await TabToAsync(page, "form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Your case");
        await Assertions.Expect(page.GetByText("to appeal the judge's decision to the Board of Immigration Appeals").First).ToBeVisibleAsync();

        // The "why" link of a deadline, then on to the departure form from the navigation.
        await TabToAsync(page, "a[href^='/my-case/why#']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/my-case/why**");
        await TabToAsync(page, "a[href='/my-case/departure']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/my-case/departure");

        await TabToAsync(page, "#destinationCountry");
        await page.Keyboard.TypeAsync("Peru");
        Assert.Equal("PER", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await TabToAsync(page, "#on");
        await page.Keyboard.TypeAsync("06/01/2025");
        // Tab enters each radio group at its first choice; Space chooses it.
        await TabToAsync(page, "input[name=mode]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input[name=evidence]");
        await page.Keyboard.PressAsync("Space");
        Assert.Equal(2, await page.Locator("input[type=radio]:checked").CountAsync());
        await TabToAsync(page, "form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your departure report was sent");
        await Assertions.Expect(page.GetByText($"Reference: {digits}-")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches the selector, checking on the way that each one shows its focus.</summary>
    internal static async Task TabToAsync(IPage page, string selector, int limit = 80)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                await AssertFocusVisibleAsync(page);
                return;
            }

            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement !== document.body"))
            {
                await AssertFocusVisibleAsync(page);
            }
        }

        Assert.Fail($"{limit} presses of Tab on {page.Url} never reached {selector}");
    }

    internal static async Task AssertFocusedAsync(IPage page, string selector)
    {
        Assert.True(await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector),
            $"focus is on {await DescribeFocusAsync(page)}, not {selector}");
        await AssertFocusVisibleAsync(page);
    }

    // A focused control must be marked: an outline wider than zero, or a box shadow (WCAG 2.4.7).
    internal static async Task AssertFocusVisibleAsync(IPage page)
    {
        var visible = await page.EvaluateAsync<bool>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body || e.id === 'main-content') return true;
              const marked = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
              // USWDS hides a radio's or checkbox's own input and marks focus on its label's box.
              if ((e.type === 'radio' || e.type === 'checkbox') && e.labels && e.labels.length > 0)
                return marked(getComputedStyle(e.labels[0], '::before')) || marked(getComputedStyle(e.labels[0]));
              return marked(getComputedStyle(e));
            }
            """);
        Assert.True(visible, $"{page.Url}: focus on {await DescribeFocusAsync(page)} is not visible");
    }

    private static Task<string> DescribeFocusAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'nothing'; }");
}
