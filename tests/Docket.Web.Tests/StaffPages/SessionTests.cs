using System.Net;
using Docket.Web.Pages;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Docket.Web.Tests.StaffPages;

/// <summary>The staff session: the cookie's flags, lockout, a TOTP code used once, sign-out, and the wall between cookie and token.</summary>
public sealed class SessionTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_session_cookie_is_HttpOnly_SameSite_Strict_and_Secure_whenever_the_request_is_https()
    {
        var login = server.StaffLogins["officer-lax"];
        using var browser = PageClient.Anonymous(server.Kit.Address);
        using var signedIn = await browser.SignInAsync(login.UserName, login.Password, login.CodeAt(server.Clock.GetCurrentInstant()));
        server.Clock.Advance(Duration.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffCookie.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var options = server.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(StaffCookie.Scheme);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, options.Cookie.SecurePolicy);
        Assert.Equal(TimeSpan.FromMinutes(20), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        var antiforgery = signedIn.Headers.GetValues("Set-Cookie").Concat((await browser.Http.GetAsync("/")).Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        Assert.All(antiforgery.Where(c => c.StartsWith("docket.antiforgery", StringComparison.Ordinal)), c => Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_even_for_the_right_password_and_code_until_15_minutes_pass()
    {
        var name = "officer-locked-" + server.NewANumber();
        await server.Users.AddAsync(name, "officer", "NYC");
        var login = await server.Kit.GiveStaffSignInAsync(name);
        using var browser = PageClient.Anonymous(server.Kit.Address);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SignInAsync(name, "not my password at all, sorry", login.CodeAt(server.Clock.GetCurrentInstant()));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await browser.SignInAsync(name, login.Password, login.CodeAt(server.Clock.GetCurrentInstant()));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        server.Clock.Advance(Duration.FromMinutes(16));
        using var later = await browser.SignInAsync(name, login.Password, login.CodeAt(server.Clock.GetCurrentInstant()));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task A_code_used_once_is_refused_again_within_its_30_second_step_and_a_wrong_code_is_refused()
    {
        var login = server.StaffLogins["attorney-unrelated"];
        var code = login.CodeAt(server.Clock.GetCurrentInstant());
        using var first = PageClient.Anonymous(server.Kit.Address);
        using var second = PageClient.Anonymous(server.Kit.Address);

        using var accepted = await first.SignInAsync(login.UserName, login.Password, code);
        using var replayed = await second.SignInAsync(login.UserName, login.Password, code);
        using var wrongCode = await second.SignInAsync(login.UserName, login.Password, code == "000000" ? "111111" : "000000");
        server.Clock.Advance(Duration.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("already used", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        using var work = await second.Http.GetAsync("/work");
        Assert.Equal(HttpStatusCode.Redirect, work.StatusCode);
    }

    [Fact]
    public async Task After_sign_out_the_start_page_is_the_sign_in_form_and_the_session_no_longer_opens_pages()
    {
        using var browser = await server.PagesAsAsync("supervisor-lax");
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/work")).StatusCode);

        using var signedOut = await browser.PostFormAsync("/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var start = await browser.Http.GetStringAsync("/");
        Assert.Contains("<label class=\"usa-label\" for=\"userName\">User name</label>", start, StringComparison.Ordinal);
        Assert.Contains(">Password</label>", start, StringComparison.Ordinal);
        Assert.Contains(">Code</label>", start, StringComparison.Ordinal);
        using var work = await browser.Http.GetAsync("/work");
        Assert.Equal(HttpStatusCode.Redirect, work.StatusCode);
        Assert.StartsWith("/?returnUrl=", work.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_never_opens_a_page_and_a_page_session_never_opens_the_api()
    {
        using var withToken = PageClient.Anonymous(server.Kit.Address);
        withToken.Http.DefaultRequestHeaders.Authorization = new("Bearer", server.SupervisorToken);
        using var page = await withToken.Http.GetAsync("/work");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        using var browser = await server.PagesAsAsync("supervisor-nyc");
        using var api = await browser.Http.GetAsync("/api/caseload/hearings");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_revoked_user_is_signed_out_at_their_next_click()
    {
        var name = "officer-leaving-" + server.NewANumber();
        await server.Users.AddAsync(name, "officer", "NYC");
        server.StaffLogins[name] = await server.Kit.GiveStaffSignInAsync(name);
        using var browser = await server.PagesAsAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/work")).StatusCode);

        Assert.True(await server.Users.RevokeAsync(name));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/work")).StatusCode);
    }

    [Fact]
    public async Task A_browser_asking_for_a_missing_page_gets_an_html_404_and_the_api_keeps_problem_json()
    {
        using var browser = PageClient.Anonymous(server.Kit.Address);
        using var page = await browser.Http.GetAsync("/no-such-page");
        using var api = await server.Http.GetAsync("/api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Page not found</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
