using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Docket.Web.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// A departure from report to published figure, by clicking: the person reports it in
/// self-service, the officer finds it in My work's queue, verifies it and closes the case in one
/// step (after a verification dated tomorrow was refused, the choice kept), and after a release
/// the public statistics page counts it; another report is rejected
/// with a reason and is not counted. Every page visited passes the page checks and is
/// photographed at 1280 and 390 px.
/// </summary>
public sealed class DepartureLifecycleTests(StaffSite site) : IClassFixture<StaffSite>
{
    private const string Birth = "1979-11-23";

    /// <summary>Verified departures to Guatemala in May 2025 besides the person's: 12 + 1 is a published month (11 or more).</summary>
    private const int OtherDepartures = 12;

    [Fact]
    public async Task A_reported_departure_is_verified_and_the_case_closed_from_my_work_and_the_next_release_counts_it()
    {
        for (var i = 0; i < OtherDepartures; i++)
        {
            await SeedVerifiedDepartureAsync($"2025-05-{i + 1:D2}");
        }

        var (digits, code) = await FinalOrderCaseAsync("Fenwick-Olabode", "Marisol");
        var (rejectedDigits, _) = await FinalOrderCaseAsync("Castellane", "Bertil");
        await AppendAsync(rejectedDigits, 3, """{"type":"DepartureReported","on":"2025-05-25","destinationCountry":"GTM","source":"carrier-manifest","mode":"air"}""");
        var problems = new List<string>();

        // The person reports the departure in self-service, with its mode and evidence.
        var person = await site.NewPageAsync();
        await person.GotoAsync("/my-case/sign-in");
        await person.GetByLabel("A-number").FillAsync(digits);
        await person.GetByLabel("Access code").FillAsync(code);
        await person.GetByLabel("Date of birth", new() { Exact = true }).FillAsync("11/23/1979");
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(person.Locator("h1")).ToContainTextAsync("Your case");
        problems.AddRange(await PageChecks.CheckAsync(person, "lifecycle-person-case"));
        await person.GetByRole(AriaRole.Link, new() { Name = "Report your departure" }).ClickAsync();
        await person.GetByLabel("Country you went to").SelectOptionAsync("GTM");
        await person.GetByLabel("Date you left").FillAsync("05/20/2025");
        await person.Locator("label.usa-radio__label", new() { HasText = "By air" }).ClickAsync();
        await person.Locator("label.usa-radio__label", new() { HasText = "Boarding pass" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckAsync(person, "lifecycle-person-departure"));
        await person.GetByRole(AriaRole.Button, new() { Name = "Send my report" }).ClickAsync();
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Your departure report was sent");
        problems.AddRange(await PageChecks.CheckAsync(person, "lifecycle-person-departure-sent"));

        // The officer finds both reports in My work's queue, with their source.
        var officer = await site.SignedInAsync("officer-nyc");
        var queue = officer.Locator("table", new() { Has = officer.GetByText("Reported departures, oldest first") });
        var row = queue.Locator("tr", new() { Has = officer.GetByRole(AriaRole.Link, new() { Name = $"A{digits}" }) });
        await Assertions.Expect(row).ToContainTextAsync("self report");
        await Assertions.Expect(row).ToContainTextAsync("Tuesday, 20 May 2025");
        await Assertions.Expect(queue.Locator("tr", new() { Has = officer.GetByRole(AriaRole.Link, new() { Name = $"A{rejectedDigits}" }) })).ToContainTextAsync("carrier manifest");
        problems.AddRange(await PageChecks.CheckAsync(officer, "lifecycle-work-queue"));

        // It opens the case: the panel shows what the person said; verifying closes the case in the same step.
        await row.GetByRole(AriaRole.Link, new() { Name = $"A{digits}" }).ClickAsync();
        var panel = officer.Locator("section", new() { Has = officer.Locator("#departure-reported") });
        await Assertions.Expect(panel).ToContainTextAsync("Guatemala");
        await Assertions.Expect(panel).ToContainTextAsync("boarding pass");
        await Assertions.Expect(officer.GetByLabel("Close the case (departed)")).ToBeCheckedAsync();
        problems.AddRange(await PageChecks.CheckAsync(officer, "lifecycle-case-reported"));

        // A verification dated tomorrow is refused; the page that says so keeps "Close the case" ticked.
        await officer.GetByLabel("Verified on").FillAsync("2025-06-03");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Verify the departure" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("A safeguard of the law forbids this step")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "RECORD-NOT-FUTURE" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByLabel("Close the case (departed)")).ToBeCheckedAsync();
        problems.AddRange(await PageChecks.CheckAsync(officer, "lifecycle-verify-refused"));
        await officer.GetByLabel("Effective date").FillAsync("2025-06-02");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        await Assertions.Expect(officer.GetByText("Recorded: the case is now at version 6.")).ToBeVisibleAsync();
        var timeline = officer.Locator("#timeline ~ ol > li");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Case closed");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Departure verified");
        await Assertions.Expect(officer.Locator("#departure-reported")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("#departure ~ p").First).ToContainTextAsync("self-removal");
        problems.AddRange(await PageChecks.CheckAsync(officer, "lifecycle-case-verified"));

        // The other report is rejected, with the officer's reason on the timeline.
        await officer.GotoAsync("/work");
        await Assertions.Expect(queue.GetByRole(AriaRole.Link, new() { Name = $"A{digits}" })).ToHaveCountAsync(0);
        await queue.GetByRole(AriaRole.Link, new() { Name = $"A{rejectedDigits}" }).ClickAsync();
        await officer.GetByLabel("Reason for rejecting").FillAsync("The manifest lists another traveller of the same name");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Reject the report" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Recorded: the case is now at version 5.")).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Departure report rejected");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("The manifest lists another traveller of the same name");
        await Assertions.Expect(officer.Locator("#departure-reported")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("#departure")).ToHaveCountAsync(0);
        problems.AddRange(await PageChecks.CheckAsync(officer, "lifecycle-case-rejected"));

        // The next release counts the verified departure and not the rejected one: 12 others + 1.
        var issued = await site.Server.App.Services.GetRequiredService<StatisticsPublisher>().IssueAsync();
        Assert.True(issued.Issued, "the verification changed the figures, so a release is issued");
        var release = issued.Release.Summary.Number;
        var kinds = await StatisticsAsync("/api/stats/departures?by=kind&from=2025-05-01&to=2025-05-31");
        Assert.Equal(release, kinds.GetProperty("release").GetProperty("number").GetInt32());
        Assert.Contains(kinds.GetProperty("cells").EnumerateArray(), c => c.GetProperty("kind").GetString() == "self-removal" && c.GetProperty("count").GetInt64() == OtherDepartures + 1);

        var statistics = await site.NewPageAsync();
        await statistics.GotoAsync("/");
        await statistics.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("statistics", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First.ClickAsync();
        await Assertions.Expect(statistics.Locator("main")).ToContainTextAsync($"Showing release {release}");
        var may = statistics.Locator("section[aria-labelledby='departures-month'] tbody tr", new() { Has = statistics.Locator("th", new() { HasTextString = "2025-05" }) });
        await Assertions.Expect(may.Locator("td").First).ToHaveTextAsync($"{OtherDepartures + 1}");
        var selfRemoval = statistics.Locator("section[aria-labelledby='departures-kind'] tbody tr", new() { Has = statistics.Locator("th", new() { HasTextString = "self-removal" }) });
        await Assertions.Expect(selfRemoval.Locator("td").First).ToHaveTextAsync($"{OtherDepartures + 1}");
        problems.AddRange(await PageChecks.CheckAsync(statistics, "lifecycle-statistics"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>An NYC case of a Guatemalan citizen under a final removal order (appeal waived on 14 April 2025); its access code.</summary>
    private async Task<(string Digits, string Code)> FinalOrderCaseAsync(string familyName, string givenNames)
    {
        var digits = site.NewANumber();
        using var http = Officer();
        using var opened = await http.PostAsync("/api/cases", Json($$"""{"aNumber":"{{digits}}","familyName":"{{familyName}}","givenNames":"{{givenNames}}","dateOfBirth":"{{Birth}}","citizenship":"GTM","office":"NYC"}"""));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var code = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("accessCode").GetString()!;
        await AppendAsync(digits, 1, """{"type":"NoticeToAppearServed","on":"2025-03-03","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""");
        await AppendAsync(digits, 2, """{"type":"JudgeDecided","on":"2025-04-14","outcome":"removal-ordered","removalCountry":"GTM","alternateCountries":[],"protectedCountries":[],"appeal":"waived","inAbsentia":false}""");
        return (digits, code);
    }

    private async Task SeedVerifiedDepartureAsync(string on)
    {
        var (digits, _) = await FinalOrderCaseAsync("Brackwater", "Ilse");
        await AppendAsync(digits, 3, $$"""{"type":"DepartureReported","on":"{{on}}","destinationCountry":"GTM","source":"exit-record","mode":"air","evidence":"exit-record"}""");
        await SendAsync($"/api/departures/{digits}/verification", """{"on":"2025-06-02","closeCase":true}""", 4);
    }

    private Task AppendAsync(string digits, int version, string body) => SendAsync($"/api/cases/{digits}/events", body, version);

    private async Task SendAsync(string path, string body, int version)
    {
        using var http = Officer();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> StatisticsAsync(string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = site.Server.Address };
        using var response = await http.GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private HttpClient Officer()
    {
        var http = new HttpClient { BaseAddress = site.Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.OfficerToken);
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
