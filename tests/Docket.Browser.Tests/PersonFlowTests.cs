using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Docket.Browser.Tests;

/// <summary>
/// The person whose case it is, in a browser, in English and in Spanish: signs in with either
/// way of writing the date of birth, learns what to do by when, sees who read the file (a
/// supervisor's break-glass read with its reason), reports a departure and changes the address.
/// Every page passes axe with one h1 and is photographed.
/// </summary>
public sealed class PersonFlowTests(StaffSite site) : IClassFixture<StaffSite>
{
    private const string Birth = "1984-09-17";

    [Fact]
    public async Task The_person_learns_what_to_do_by_when_who_read_the_file_reports_a_departure_and_changes_the_address()
    {
        var (digits, code) = await DecidedCaseAsync();
        var problems = new List<string>();

        // A supervisor of another office reads the file by breaking glass, stating why.
        var supervisor = await site.SignedInAsync("supervisor-lax");
        await supervisor.GotoAsync("/cases/find");
        await supervisor.GetByLabel("A-number", new() { Exact = true }).Last.FillAsync(digits);
        await supervisor.GetByLabel("Reason").FillAsync("Court asked for the file in a bond hearing");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Read the case and log it" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync(digits);

        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your case" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-sign-in"));
        await SignInAsync(page, digits, code, "09/17/1984");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Your case");
        await Assertions.Expect(page.GetByText("You have until Wednesday, 2 July 2025 to appeal the judge's decision to the Board of Immigration Appeals.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("30 days left")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-case"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Why?" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#APPEAL-IJ-30D")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-why"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Who has read your file" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Reason given: Court asked for the file in a bond hearing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Emergency access").First).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-reads"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Report your departure" }).ClickAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-departure"));
        await page.GetByLabel("Country you went to").SelectOptionAsync("PER");
        await page.GetByLabel("Date you left").FillAsync("06/01/2025");
        await page.Locator("label.usa-radio__label", new() { HasText = "By air" }).ClickAsync();
        await page.Locator("label.usa-radio__label", new() { HasText = "Boarding pass" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my report" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your departure report was sent");
        await Assertions.Expect(page.GetByText($"Reference: {digits}-")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-departure-sent"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Change your address" }).ClickAsync();
        await page.GetByLabel("Your new mailing address").FillAsync("40 Invented Avenue\nElizabeth NJ");
        problems.AddRange(await PageChecks.CheckAsync(page, "person-address"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my new address" }).ClickAsync();
        await Assertions.Expect(page.GetByText("within 5 working days")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("DHS within 10 days")).ToBeVisibleAsync();
        problems.AddRange(await PageChecks.CheckAsync(page, "person-address-saved"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task In_Spanish_every_page_has_lang_es_and_Spanish_dates_and_passes_axe()
    {
        var (digits, code) = await DecidedCaseAsync();
        var problems = new List<string>();
        var page = await site.NewPageAsync();

        await page.GotoAsync("/my-case/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        problems.AddRange(await PageChecks.CheckAsync(page, "person-es-sign-in"));
        await page.GetByLabel("Número A (A-number)").FillAsync(digits);
        await page.GetByLabel("Código de acceso").FillAsync(code);
        await page.GetByLabel("Fecha de nacimiento", new() { Exact = true }).FillAsync(Birth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Tiene hasta el miércoles, 2 de julio de 2025 para apelar la decisión del juez")).ToBeVisibleAsync();
        foreach (var (link, name) in new[] { ((string?)null, "person-es-case"), ("Quién ha leído su expediente", "person-es-reads"), ("Informe su salida", "person-es-departure"), ("Cambie su dirección", "person-es-address") })
        {
            if (link is not null)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = link }).First.ClickAsync();
            }

            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
            problems.AddRange(await PageChecks.CheckAsync(page, name));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_wrong_code_an_unknown_A_number_and_a_wrong_date_of_birth_look_the_same()
    {
        var (digits, code) = await DecidedCaseAsync();
        var page = await site.NewPageAsync();
        var texts = new List<string>();

        foreach (var (aNumber, accessCode, birth) in new[] { (digits, "ZZZZ-ZZZZ-ZZZZ", Birth), ("099999999", code, Birth), (digits, code, "1984-09-18") })
        {
            await page.GotoAsync("/my-case/sign-in");
            await SignInAsync(page, aNumber, accessCode, birth);
            texts.Add(await page.Locator("main").InnerTextAsync());
        }

        Assert.Equal(texts[0], texts[1]);
        Assert.Equal(texts[0], texts[2]);
        Assert.Contains("We could not sign you in with these details.", texts[0], StringComparison.Ordinal);
        Assert.Empty(await PageChecks.CheckAsync(page, "person-sign-in-refused"));
    }

    private static async Task SignInAsync(IPage page, string aNumber, string code, string birth)
    {
        await page.GetByLabel("A-number").FillAsync(aNumber);
        await page.GetByLabel("Access code").FillAsync(code);
        await page.GetByLabel("Date of birth", new() { Exact = true }).FillAsync(birth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private Task<(string Digits, string Code)> DecidedCaseAsync() => DecidedCaseAsync(site);

    /// <summary>An NYC case with a removal order and the appeal window open; its access code.</summary>
    internal static async Task<(string Digits, string Code)> DecidedCaseAsync(StaffSite site)
    {
        var digits = site.NewANumber();
        using var http = new HttpClient { BaseAddress = site.Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.OfficerToken);
        using var opened = await http.PostAsync("/api/cases", Json($$"""{"aNumber":"{{digits}}","familyName":"Achterberg-Solís","givenNames":"Wilhelmina","dateOfBirth":"{{Birth}}","citizenship":"PER","office":"NYC"}"""));
        Assert.Equal(System.Net.HttpStatusCode.Created, opened.StatusCode);
        var code = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("accessCode").GetString()!;
        await AppendAsync(http, digits, 1, """{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""");
        await AppendAsync(http, digits, 2, """{"type":"JudgeDecided","on":"2025-06-02","outcome":"removal-ordered","removalCountry":"PER","alternateCountries":[],"protectedCountries":[],"appeal":"reserved","inAbsentia":false}""");
        return (digits, code);
    }

    private static async Task AppendAsync(HttpClient http, string digits, int version, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{digits}/events") { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
