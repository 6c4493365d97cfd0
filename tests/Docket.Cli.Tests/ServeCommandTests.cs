using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests;

/// <summary><c>docket serve --demo</c>: a running server, a printed token and a curl line that works.</summary>
public sealed partial class ServeCommandTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [GeneratedRegex("""^Try: curl -H "Authorization: Bearer (?<token>[^"\s]+)" (?<url>http://127\.0\.0\.1:\d+/api/cases/(?<aNumber>\d{9}))$""", RegexOptions.Multiline)]
    private static partial Regex TryLine();

    [GeneratedRegex(@"^Demo token \(supervisor, office NYC\): (?<token>\S+)$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"^Demo sign-in: user name (?<user>\S+), password ""(?<password>[^""]+)"", TOTP secret (?<secret>[A-Z2-7]+) ", RegexOptions.Multiline)]
    private static partial Regex SignInLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [Fact]
    public async Task Serve_demo_prints_a_token_and_a_curl_line_whose_request_answers_200_with_the_case()
    {
        var stdout = new ConcurrentWriter();
        var stderr = new ConcurrentWriter();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => DocketCli.RunAsync(["serve", "--demo", "--urls", "http://127.0.0.1:0", "--db", file.Db], stdout, stderr, stop.Token));

        try
        {
            Match tryLine;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!(tryLine = TryLine().Match(stdout.ToString())).Success)
            {
                Assert.False(serving.IsCompleted, $"serve ended early\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}");
                Assert.True(DateTime.UtcNow < deadline, $"no 'Try: curl' line within 90 s\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}");
                await Task.Delay(50);
            }

            var token = tryLine.Groups["token"].Value;
            Assert.Equal(token, TokenLine().Match(stdout.ToString()).Groups["token"].Value);
            Assert.Contains("Docket is listening on http://127.0.0.1:", stdout.ToString(), StringComparison.Ordinal);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var request = new HttpRequestMessage(HttpMethod.Get, tryLine.Groups["url"].Value);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            using var body = JsonDocument.Parse(text);
            var root = body.RootElement;
            Assert.Equal(tryLine.Groups["aNumber"].Value, root.GetProperty("aNumber").GetString());
            Assert.Equal("NYC", root.GetProperty("office").GetString());
            var version = root.GetProperty("version").GetInt32();
            Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
            var events = root.GetProperty("events").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, version), events.Select(e => e.GetProperty("version").GetInt32()));
            Assert.Equal("CaseOpened", events[0].GetProperty("type").GetString());

            // The printed demo sign-in opens the staff pages: password and a code of the printed secret.
            var signIn = SignInLine().Match(stdout.ToString());
            Assert.True(signIn.Success, $"no demo sign-in line\n{stdout}");
            var site = new Uri(tryLine.Groups["url"].Value).GetLeftPart(UriPartial.Authority);
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(site) };
            var start = await browser.GetStringAsync("/");
            using var form = new FormUrlEncodedContent([
                new("__RequestVerificationToken", WebUtility.HtmlDecode(FormToken().Match(start).Groups[1].Value)),
                new("userName", signIn.Groups["user"].Value),
                new("password", signIn.Groups["password"].Value),
                new("code", Docket.Web.SignIn.TotpCodes.Compute(Docket.Web.SignIn.TotpCodes.FromBase32(signIn.Groups["secret"].Value), NodaTime.SystemClock.Instance.GetCurrentInstant())),
            ]);
            using var signedIn = await browser.PostAsync("/sign-in", form);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
            using var work = await browser.GetAsync("/work");
            Assert.Equal(HttpStatusCode.OK, work.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await serving.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == DocketCli.Ok, $"stopping is a clean exit, got {exitCode}\n--- stderr ---\n{stderr}");
    }
}
