using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>What every page must pass: axe-core's WCAG 2.1 A and AA rules, one h1, and screenshots at 1280 and 390 px.</summary>
public static class PageChecks
{
    private static readonly AxeRunOptions Wcag21 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Axe violations of the page as it is now, one line each (rule, impact, help, the first offending element).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(Wcag21);
        return [.. result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")];
    }

    /// <summary>Checks the page and writes its screenshots as <c>NAME-1280.png</c> and <c>NAME-390.png</c>; returns the problems found.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>(await ViolationsAsync(page));
        var headings = await page.Locator("h1").CountAsync();
        if (headings != 1)
        {
            problems.Add($"{page.Url}: {headings} h1 elements, not one");
        }

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffSite.Screenshots, $"{name}-{width}.png"), FullPage = true });
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            if (overflow && width == 390)
            {
                problems.Add($"{page.Url}: wider than the {width} px screen (scrolls sideways)");
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
        return problems;
    }
}
