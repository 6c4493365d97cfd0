namespace Docket.Browser.Tests;

/// <summary>My work's week and day views pass axe and the page checks, with screenshots at 1280 and 390.</summary>
public sealed class WorkPageScreenshotTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task The_week_and_day_views_of_my_work_pass_the_page_checks()
    {
        await site.OpenCaseAsync("Harrowgate", "Odile");
        var page = await site.SignedInAsync("officer-nyc");
        var problems = new List<string>();

        await page.GotoAsync("/work?view=week");
        problems.AddRange(await PageChecks.CheckAsync(page, "work-week"));
        await page.GotoAsync("/work?view=day");
        problems.AddRange(await PageChecks.CheckAsync(page, "work-day"));

        Assert.Empty(problems);
        await page.CloseAsync();
    }
}
