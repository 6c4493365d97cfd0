using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// A browser as far as HTTP goes: a cookie jar, no automatic redirects, asking for HTML. It signs
/// in through the real form (user name, password, TOTP code) and posts forms with the
/// antiforgery token the page gave it.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private PageClient(Uri address)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public static PageClient Anonymous(Uri address) => new(address);

    /// <summary>Signs in with a code of the clock's current step, then moves the clock on one step so the next sign-in has a fresh code.</summary>
    public static async Task<PageClient> SignedInAsync(Uri address, StaffLogin login, FakeClock clock)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(clock);
        var client = new PageClient(address);
        using var response = await client.SignInAsync(login.UserName, login.Password, login.CodeAt(clock.GetCurrentInstant()));
        clock.Advance(Duration.FromSeconds(30));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {login.UserName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string code) =>
        await PostFormAsync("/sign-in", [new("userName", userName), new("password", password), new("code", code)], tokenFrom: "/");

    /// <summary>The antiforgery token of a form on <paramref name="path"/>, read from the page.</summary>
    public async Task<string> TokenAsync(string path = "/rules")
    {
        var html = await Http.GetStringAsync(path);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form; with <paramref name="tokenFrom"/> null, without an antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = "/rules", string? token = null)
    {
        var all = fields.ToList();
        token ??= tokenFrom is null ? null : await TokenAsync(tokenFrom);
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(path, content);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
