using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Docket.Web.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// The public statistics page in a real browser after a release: reached from the signed-out
/// start page, no axe violation and one h1 at 1280 and 390 px, withheld cells marked in words,
/// and the release's own tables beside their charts.
/// </summary>
public sealed class StatisticsPageTests(StaffSite site) : IClassFixture<StaffSite>
{
    [Fact]
    public async Task The_statistics_page_after_a_release_passes_axe_at_1280_and_390_px()
    {
        // 14 departures to Guatemala and 3 to Mexico: Mexico is withheld (1 to 10), Guatemala with it.
        for (var i = 0; i < 14; i++)
        {
            await DepartAsync("GTM", $"2025-04-{10 + i:D2}");
        }

        for (var i = 0; i < 3; i++)
        {
            await DepartAsync("MEX", "2025-04-28");
        }

        var release = (await site.Server.App.Services.GetRequiredService<StatisticsPublisher>().IssueAsync()).Release.Summary.Number;

        var problems = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await site.NewPageAsync(width);
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("statistics", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First.ClickAsync();
            await page.WaitForURLAsync("**/statistics**");
            Assert.Contains($"release {release}", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.GetByText("(1 to 10)").CountAsync() > 0, "no withheld cell is marked in words");
            Assert.True(await page.Locator("svg[role=img]").CountAsync() > 0, "no chart with an accessible name");
            problems.AddRange(await PageChecks.CheckAsync(page, $"statistics-release-from-{width}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task DepartAsync(string country, string on)
    {
        var digits = await site.OpenCaseAsync("Brackwater", "Ilse Monro");
        using var http = new HttpClient { BaseAddress = site.Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.OfficerToken);
        await SendAsync(http, $"/api/cases/{digits}/events", $$"""{"type":"DepartureReported","on":"{{on}}","destinationCountry":"{{country}}","source":"exit-record","mode":"air"}""", "2");
        await SendAsync(http, $"/api/departures/{digits}/verification", """{"on":"2025-06-02","closeCase":true}""", "3");
    }

    private static async Task SendAsync(HttpClient http, string path, string body, string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
