using System.Net;
using System.Text.RegularExpressions;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.PersonPages;

/// <summary>The person's pages once signed in: my case, who read my file, report my departure, change my address.</summary>
public abstract partial class PersonCasePagesTests(DocketServer server)
{
    private const string Birth = "1979-04-30";

    private const string RemovalOrderedAppealReserved = $$"""
        {"type":"JudgeDecided","on":"{{DocketServer.Today}}","outcome":"removal-ordered","removalCountry":"PER","alternateCountries":[],"protectedCountries":[],"appeal":"reserved","inAbsentia":false}
        """;

    [Fact]
    public async Task My_case_says_what_to_do_by_when_with_the_date_and_days_left()
    {
        var (_, browser) = await DecidedCaseAsync();

        var page = await browser.GetAsync("/my-case");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("What you must do, by when", page.Text, StringComparison.Ordinal);
        Assert.Contains("You have until Wednesday, 2 July 2025 to appeal the judge's decision to the Board of Immigration Appeals.", page.Text, StringComparison.Ordinal);
        Assert.Contains("30 days left", page.Text, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2025-07-02\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/my-case/why#APPEAL-IJ-30D\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("The judge ordered your removal from the United States.", page.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.justice.gov/eoir/list-pro-bono-legal-service-providers", page.Html, StringComparison.Ordinal);
        Assert.Single(H1().Matches(page.Html));
    }

    [Fact]
    public async Task In_Spanish_my_case_writes_the_deadline_and_its_date_in_Spanish()
    {
        var (_, browser) = await DecidedCaseAsync(acceptLanguage: "es");

        var page = await browser.GetAsync("/my-case");

        Assert.Equal("es", page.Lang);
        Assert.Contains("Tiene hasta el miércoles, 2 de julio de 2025 para apelar la decisión del juez", page.Text, StringComparison.Ordinal);
        Assert.Contains("Quedan 30 días", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_pages_carry_no_common_English_words()
    {
        var (_, browser) = await DecidedCaseAsync(acceptLanguage: "es");
        (await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{await OnlyCaseAsync(browser)}", "Solicitud del tribunal")).Dispose();

        foreach (var path in new[] { "/my-case", "/my-case/reads", "/my-case/departure", "/my-case/address", "/my-case/why" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal("es", page.Lang);
            // The switch names the other language in its own words ("English"): the one English word allowed.
            // Country codes (AND is Andorra) are codes, not words.
            var words = Words().Matches(page.Text).Select(m => m.Value).Where(w => w.Any(char.IsLower)).Select(w => w.ToLowerInvariant()).ToHashSet();
            words.Remove("english");
            var english = words.Intersect(CommonEnglishWords).ToList();
            Assert.True(english.Count == 0, $"{path} shows English words: {string.Join(", ", english)} in: {page.Text}");
        }
    }

    [Fact]
    public async Task A_break_glass_read_is_listed_with_its_reason()
    {
        var (digits, browser) = await DecidedCaseAsync();
        (await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", "Court ordered production of the file")).Dispose();

        var page = await browser.GetAsync("/my-case/reads");

        Assert.Contains("Who has read your file", page.Text, StringComparison.Ordinal);
        Assert.Contains("Emergency access", page.Text, StringComparison.Ordinal);
        Assert.Contains("Reason given: Court ordered production of the file", page.Text, StringComparison.Ordinal);
        Assert.Contains("Monday, 2 June 2025", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_departure_reported_on_the_page_gets_a_reference_and_waits_in_the_officers_queue()
    {
        var (digits, browser) = await DecidedCaseAsync();

        var receipt = await browser.SubmitAsync("/my-case/departure", "/my-case/departure", new Dictionary<string, string>
        {
            ["destinationCountry"] = "PER",
            ["on"] = "06/01/2025",
            ["port"] = "JFK",
            ["mode"] = "air",
            ["evidence"] = "boarding-pass",
        });

        Assert.Equal(HttpStatusCode.Created, receipt.Status);
        Assert.Contains($"Reference: {digits}-4", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("An officer will check your report", receipt.Text, StringComparison.Ordinal);
        using var queue = await server.AsOfficer.SendAsync(HttpMethod.Get, "/api/departures/pending");
        var pending = (await Json.ReadAsync(queue, HttpStatusCode.OK)).EnumerateArray().Single(d => d.Text("aNumber") == digits);
        Assert.Equal(("2025-06-01", "PER", "self-report", "air", "boarding-pass"),
            (pending.Text("on"), pending.Text("destinationCountry"), pending.Text("source"), pending.Text("mode"), pending.Text("evidence")));
    }

    [Fact]
    public async Task A_departure_dated_tomorrow_is_refused_in_plain_words_and_the_form_keeps_what_was_typed()
    {
        var (digits, browser) = await DecidedCaseAsync();

        var page = await browser.SubmitAsync("/my-case/departure", "/my-case/departure", new Dictionary<string, string>
        {
            ["destinationCountry"] = "PER",
            ["on"] = "2025-06-03",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Docket records only things that have already happened.", page.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-06-03\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(3, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task A_new_address_typed_with_a_browsers_CR_LF_line_ends_gets_a_reference_and_the_reminder_of_the_5_and_10_days()
    {
        var (digits, browser) = await DecidedCaseAsync();

        var receipt = await browser.SubmitAsync("/my-case/address", "/my-case/address", new Dictionary<string, string> { ["address"] = "27 Invented Lane\r\nTrenton NJ" });

        Assert.Equal(HttpStatusCode.Created, receipt.Status);
        Assert.Contains($"Reference: {digits}-4", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("within 5 working days", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("DHS within 10 days", receipt.Text, StringComparison.Ordinal);
        var read = await server.AsOfficer.GetAsync(digits);
        Assert.Equal("MailingAddressChanged", read.Events[^1].Text("type"));
        Assert.Equal("27 Invented Lane\nTrenton NJ", read.Events[^1].GetProperty("fields").Text("address"));
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_SameSite_Strict()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Vasquez-Lindgren", "Teodora", Birth);
        using var browser = new FormSession(server.Http.BaseAddress!);

        var signedIn = await SignInAsync(browser, digits, opened.AccessCode);

        var cookie = Assert.Single(signedIn.SetCookies, c => c.StartsWith("docket.person=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> CommonEnglishWords =
    [
        "the", "and", "you", "your", "with", "for", "this", "that", "have", "has", "will", "must", "what", "when", "where",
        "who", "why", "which", "date", "case", "sign", "out", "days", "day", "left", "until", "court", "judge", "appeal",
        "read", "file", "report", "change", "address", "departure", "step", "help", "free", "lawyer", "right", "next",
        "hearing", "skip", "main", "content", "send", "save", "choose", "country", "other", "passed", "deadline", "rule",
    ];

    private Task<(string Digits, FormSession Browser)> DecidedCaseAsync(string? acceptLanguage = null) => DecidedCaseAsync(server, acceptLanguage);

    /// <summary>A case with a removal order whose appeal window is open, and a browser signed in to it.</summary>
    internal static async Task<(string Digits, FormSession Browser)> DecidedCaseAsync(DocketServer server, string? acceptLanguage = null)
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Vasquez-Lindgren", "Teodora", Birth);
        var version = await server.AsOfficer.ServeNoticeAsync(digits, 1);
        await server.AsOfficer.AppendAsync(digits, version, RemovalOrderedAppealReserved);
        var browser = new FormSession(server.Http.BaseAddress!, acceptLanguage);
        var signedIn = await SignInAsync(browser, digits, opened.AccessCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return (digits, browser);
    }

    private static Task<FormSession.Page> SignInAsync(FormSession browser, string aNumber, string code) =>
        browser.SubmitAsync("/my-case/sign-in", "/my-case/sign-in", new Dictionary<string, string>
        {
            ["aNumber"] = aNumber,
            ["accessCode"] = code,
            ["dateOfBirth"] = Birth,
        });

    private static async Task<string> OnlyCaseAsync(FormSession browser) =>
        ANumberInHeading().Match((await browser.GetAsync("/my-case")).Text).Groups[1].Value;

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\((\d{9})\)")]
    private static partial Regex ANumberInHeading();
}

public sealed class SqlitePersonCasePagesTests(SqliteServer server) : PersonCasePagesTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresPersonCasePagesTests(PostgresServer server) : PersonCasePagesTests(server), IClassFixture<PostgresServer>;
