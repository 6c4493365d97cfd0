using System.Net;
using System.Text.RegularExpressions;

namespace Docket.Web.Tests.PersonPages;

/// <summary>
/// One browser's session with the pages, over plain HTTP: its own cookies, no redirects followed,
/// and forms sent with the antiforgery token of the page they came from, as a browser sends them.
/// </summary>
public sealed partial class FormSession : IDisposable
{
    private readonly HttpClient http;

    public FormSession(Uri baseAddress, string? acceptLanguage = null)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public CookieContainer Cookies { get; }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return await Page.ReadAsync(response);
    }

    /// <summary>Opens <paramref name="formPage"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with its token.</summary>
    public async Task<Page> SubmitAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var form = await GetAsync(formPage);
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = form.Token();
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => http.Dispose();

    /// <summary>A page as the browser got it: status, where it redirects, its HTML and its visible text.</summary>
    public sealed partial record Page(HttpStatusCode Status, string? Location, string Html, IReadOnlyList<string> SetCookies)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response) => new(
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);

        /// <summary>The words a person sees: the HTML without scripts and tags, spaces collapsed.</summary>
        public string Text => Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(Html, " "), " ")), " ").Trim();

        public string Token() => TokenField().Match(Html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no form token.");

        public string? Lang => LangAttribute().Match(Html) is { Success: true } m ? m.Groups[1].Value : null;

        [GeneratedRegex("<script.*?</script>", RegexOptions.Singleline)]
        private static partial Regex Scripts();

        [GeneratedRegex("<[^>]+>")]
        private static partial Regex Tags();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Spaces();

        [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();

        [GeneratedRegex("<html lang=\"([^\"]+)\"")]
        private static partial Regex LangAttribute();
    }
}
