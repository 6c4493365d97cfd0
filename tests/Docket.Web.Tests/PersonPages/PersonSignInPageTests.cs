using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.PersonPages;

/// <summary>/my-case/sign-in: A-number, access code and date of birth, typed either usual way; nothing revealed on failure.</summary>
public abstract class PersonSignInPageTests(DocketServer server)
{
    private const string Birth = "1987-11-23";

    [Theory]
    [InlineData("11/23/1987")]
    [InlineData("1987-11-23")]
    public async Task The_person_signs_in_with_the_date_of_birth_written_either_way(string typed)
    {
        var (digits, code) = await OpenAsync();
        using var browser = new FormSession(server.Http.BaseAddress!);

        var signedIn = await SignInAsync(browser, digits, code, typed);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/my-case", signedIn.Location);
        var page = await browser.GetAsync("/my-case");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"Your case: Bronisława Okonkwo-Reyes ({digits})", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_an_unknown_A_number_and_a_wrong_date_of_birth_give_the_same_page()
    {
        var (digits, code) = await OpenAsync();
        using var browser = new FormSession(server.Http.BaseAddress!);

        var wrongCode = await SignInAsync(browser, digits, "ZZZZ-ZZZZ-ZZZZ", "11/23/1987");
        var unknown = await SignInAsync(browser, "099999999", code, "11/23/1987");
        var wrongBirth = await SignInAsync(browser, digits, code, "11/24/1987");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.Status);
        Assert.Equal(wrongCode.Status, unknown.Status);
        Assert.Equal(wrongCode.Status, wrongBirth.Status);
        Assert.Equal(wrongCode.Text, unknown.Text);
        Assert.Equal(wrongCode.Text, wrongBirth.Text);
        Assert.DoesNotContain("Okonkwo", wrongCode.Text, StringComparison.Ordinal);
        Assert.Contains("We read the date of birth you typed as month/day/year.", wrongCode.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_written_another_way_is_refused_with_how_to_write_it()
    {
        var (digits, code) = await OpenAsync();
        using var browser = new FormSession(server.Http.BaseAddress!);

        var page = await SignInAsync(browser, digits, code, "23.11.1987");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Write your date of birth as month/day/year, for example 03/08/1990, or as 1990-03-08.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Spanish_the_sign_in_page_has_lang_es_and_Spanish_labels()
    {
        using var browser = new FormSession(server.Http.BaseAddress!, acceptLanguage: "es-US");

        var page = await browser.GetAsync("/my-case/sign-in");

        Assert.Equal("es", page.Lang);
        Assert.Contains("Código de acceso", page.Text, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento", page.Text, StringComparison.Ordinal);
        Assert.Contains(">English</a>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_remembers_Spanish_for_the_next_pages()
    {
        using var browser = new FormSession(server.Http.BaseAddress!);

        var switched = await browser.GetAsync("/my-case/language?to=es&returnUrl=/my-case/sign-in");
        var page = await browser.GetAsync("/my-case/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/my-case/sign-in", switched.Location);
        Assert.Equal("es", page.Lang);
        Assert.Equal("en", (await browser.GetAsync("/my-case/sign-in?culture=en")).Lang);
    }

    [Fact]
    public async Task The_language_switch_never_sends_the_browser_to_another_site()
    {
        using var browser = new FormSession(server.Http.BaseAddress!);

        var switched = await browser.GetAsync("/my-case/language?to=es&returnUrl=//evil.example/phish");

        Assert.Equal("/my-case/sign-in", switched.Location);
    }

    [Fact]
    public async Task After_sign_out_the_case_is_not_shown_and_the_sign_in_page_says_so()
    {
        var (digits, code) = await OpenAsync();
        using var browser = new FormSession(server.Http.BaseAddress!);
        await SignInAsync(browser, digits, code, Birth);

        var signedOut = await browser.SubmitAsync("/my-case", "/my-case/sign-out", new Dictionary<string, string>());
        var after = await browser.GetAsync("/my-case");

        Assert.Equal("/my-case/sign-in?signedOut=true", signedOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/my-case/sign-in", after.Location, StringComparison.Ordinal);
        Assert.Contains("You are signed out.", (await browser.GetAsync(signedOut.Location!)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_sign_in_the_case_pages_send_the_browser_to_sign_in()
    {
        using var browser = new FormSession(server.Http.BaseAddress!);

        foreach (var path in new[] { "/my-case", "/my-case/reads", "/my-case/departure", "/my-case/address" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/my-case/sign-in", page.Location, StringComparison.Ordinal);
        }
    }

    private async Task<(string Digits, string Code)> OpenAsync()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Okonkwo-Reyes", "Bronisława", Birth);
        return (digits, opened.AccessCode);
    }

    private static Task<FormSession.Page> SignInAsync(FormSession browser, string aNumber, string code, string birth) =>
        browser.SubmitAsync("/my-case/sign-in", "/my-case/sign-in", new Dictionary<string, string>
        {
            ["aNumber"] = aNumber,
            ["accessCode"] = code,
            ["dateOfBirth"] = birth,
        });
}

public sealed class SqlitePersonSignInPageTests(SqliteServer server) : PersonSignInPageTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresPersonSignInPageTests(PostgresServer server) : PersonSignInPageTests(server), IClassFixture<PostgresServer>;
