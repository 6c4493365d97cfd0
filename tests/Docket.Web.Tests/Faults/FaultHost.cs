using System.Net;
using Docket.Store;
using Docket.Store.Users;
using Docket.Web.Audit;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using NodaTime.Testing;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// The real web host on a database the fault test chose (a SQLite file on a small tmpfs, a
/// PostgreSQL server of its own), with its signing key where the test says, a fixed clock, and
/// the tokens the fault tests need. Started and stopped by the test itself, so the fault can be
/// set up around it.
/// </summary>
public sealed class FaultHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private int nextANumber;

    private FaultHost(WebApplication app, HttpClient http)
    {
        this.app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>An officer of NYC, where the fault tests open their cases.</summary>
    public string OfficerToken { get; private set; } = "";

    public string AuditorToken { get; private set; } = "";

    public CaseApi AsOfficer => new(Http, OfficerToken);

    public CaseApi As(string? token) => new(Http, token);

    public string NewANumber() => (377_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<FaultHost> StartAsync(DatabaseTarget target, string keyPath)
    {
        var app = await DocketWebApp.CreateAsync(new DocketWebOptions
        {
            Database = target,
            Urls = "http://127.0.0.1:0",
            Clock = new FakeClock(DocketServer.Now),
            Environment = "Testing",
            // Checkpoints only on demand: the tests ask for them.
            Checkpoints = new CheckpointSettings { KeyPath = keyPath, EveryEvents = 1_000_000, EverySeconds = 3600 },
        });
        await app.StartAsync();
        var host = new FaultHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) });
        var users = new UserStore(new DocketDatabase(target), new FakeClock(DocketServer.Now));
        host.OfficerToken = (await users.AddAsync("officer-nyc", UserRoles.Officer, "NYC")).Token;
        host.AuditorToken = (await users.AddAsync("auditor-oig", UserRoles.Auditor, null)).Token;
        return host;
    }

    /// <summary>A user added now, whose token the server has never seen (so its check asks the database).</summary>
    public static async Task<string> AddOfficerAsync(DatabaseTarget target, string name) =>
        (await new UserStore(new DocketDatabase(target), new FakeClock(DocketServer.Now)).AddAsync(name, UserRoles.Officer, "NYC")).Token;

    /// <summary>GET /healthz: the status code and the body's status.</summary>
    public async Task<(HttpStatusCode Code, string Status, string Body)> HealthAsync()
    {
        using var response = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.GetProperty("status").GetString()!, text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
