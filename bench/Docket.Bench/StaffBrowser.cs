using System.Net;
using System.Text.RegularExpressions;
using Docket.Testing;
using NodaTime;

namespace Docket.Bench;

/// <summary>
/// One staff member's browser as far as HTTP goes: its own connection and cookie jar, no automatic
/// redirects, asking for HTML. It signs in through the real form (GET / for the antiforgery
/// token, POST /sign-in with the user name, password and the authenticator's current code), so
/// every page it asks for goes through the same cookie authentication as a person's browser.
/// </summary>
internal sealed partial class StaffBrowser : IDisposable
{
    private StaffBrowser(Uri address)
    {
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    public HttpClient Http { get; }

    public static async Task<StaffBrowser> SignedInAsync(Uri address, StaffLogin login)
    {
        var browser = new StaffBrowser(address);
        try
        {
            var start = await browser.Http.GetStringAsync(new Uri("/", UriKind.Relative));
            var token = TokenField().Match(start) is { Success: true } match
                ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException("the sign-in page has no antiforgery token");
            using var form = new FormUrlEncodedContent(
            [
                new("userName", login.UserName),
                new("password", login.Password),
                new("code", login.CodeAt(SystemClock.Instance.GetCurrentInstant())),
                new("__RequestVerificationToken", token),
            ]);
            using var signedIn = await browser.Http.PostAsync(new Uri("/sign-in", UriKind.Relative), form);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in of {login.UserName} answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
            }

            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
