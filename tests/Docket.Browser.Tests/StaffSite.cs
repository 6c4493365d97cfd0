using System.Net.Http.Headers;
using System.Text;
using Docket.Store.Users;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Browser.Tests;

/// <summary>
/// A real Docket server (SQLite, a fixed clock) with a user of each role who can sign in to the
/// staff pages, and the system's Chromium driven by Playwright. One per test class.
/// </summary>
public class StaffSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private TestServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int nextANumber;

    public FakeClock Clock { get; } = new(TestServer.Now);

    /// <summary>The database the server runs on (<see cref="PostgresStaffSite"/> for PostgreSQL).</summary>
    protected virtual DatabaseKind Kind => DatabaseKind.Sqlite;

    public TestServer Server => server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("not started");

    public string OfficerToken { get; private set; } = "";

    public Dictionary<string, StaffLogin> Logins { get; } = new(StringComparer.Ordinal);

    /// <summary>Where screenshots go: the test results folder (DOCKET_TEST_RESULTS, or TestResults beside the tests).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("DOCKET_TEST_RESULTS") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots")).FullName;

    public string NewANumber() => (233_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (./run-tests does). Playwright's own browser download is never used.");
        server = await new TestServerBuilder { Kind = Kind, Clock = Clock }.StartAsync();
        OfficerToken = await server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
        await server.AddUserAsync("supervisor-nyc", UserRoles.Supervisor, "NYC");
        await server.AddUserAsync("supervisor-lax", UserRoles.Supervisor, "LAX");
        await server.AddUserAsync("auditor-oig", UserRoles.Auditor, null);
        await server.AddUserAsync("attorney-of-record", UserRoles.Attorney, null, "NY-4471-2019");
        foreach (var name in new[] { "officer-nyc", "supervisor-nyc", "supervisor-lax", "auditor-oig", "attorney-of-record" })
        {
            Logins[name] = await server.GiveStaffSignInAsync(name);
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies) at the given width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form, by keyboard-free clicks, with a code of the server clock's step; moves the clock a step on.</summary>
    public async Task<IPage> SignedInAsync(string userName, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await SignInAsync(page, userName);
        return page;
    }

    public async Task SignInAsync(IPage page, string userName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var login = Logins[userName];
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(login.UserName);
        await page.GetByLabel("Password").FillAsync(login.Password);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(login.CodeAt(Clock.GetCurrentInstant()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Clock.Advance(Duration.FromSeconds(30));
        try
        {
            // The URL, not the page's load event: on a loaded CI machine My work can take longer to
            // finish loading than the sign-in to redirect, and what follows waits for its elements.
            // A class's first sign-in meets a cold server: in one CI run, beside the serve-kill
            // tests, it reached My work just after 30 s.
            await page.WaitForURLAsync("**/work", new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{userName} was not signed in; the page at {page.Url} says: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Opens an NYC case through the API (as the officer), with a Notice to Appear served.</summary>
    public async Task<string> OpenCaseAsync(string familyName = "Quillfeather", string givenNames = "Anselm Orrin")
    {
        var digits = NewANumber();
        using var http = new HttpClient { BaseAddress = Server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OfficerToken);
        using var opened = await http.PostAsync("/api/cases", Json($$"""{"aNumber":"{{digits}}","familyName":"{{familyName}}","givenNames":"{{givenNames}}","dateOfBirth":"1990-04-02","citizenship":"MEX","office":"NYC"}"""));
        Assert.Equal(System.Net.HttpStatusCode.Created, opened.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{digits}/events") { Content = Json("""{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var served = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, served.StatusCode);
        return digits;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

/// <summary>The same site on PostgreSQL, for a test that holds a lock on a table of the running server.</summary>
public sealed class PostgresStaffSite : StaffSite
{
    protected override DatabaseKind Kind => DatabaseKind.Postgres;
}
