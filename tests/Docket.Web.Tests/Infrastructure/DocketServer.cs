using Docket.Store;
using Docket.Store.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Web.Tests.Infrastructure;

/// <summary>
/// The real web host, started once per test class: Kestrel on a free loopback port, a fresh
/// database, a fixed clock, and a token for each kind of caller the tests need. Every test in
/// the class shares it, so each test opens its own cases (<see cref="NewANumber"/>).
/// </summary>
public abstract class DocketServer(DatabaseKind kind) : IAsyncLifetime
{
    /// <summary>2025-06-02T15:00:00Z, 11:00 in New York: "today" for the legal calendar is 2025-06-02.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 6, 2, 15, 0);

    public const string Today = "2025-06-02";

    public const string RecordedAtNow = "2025-06-02T15:00:00.000Z";

    public const string Officer = "officer-nyc";

    /// <summary>The bar number of <see cref="AttorneyToken"/>'s holder: enter it on a case to make them attorney of record.</summary>
    public const string AttorneyBarNumber = "NY-4471-2019";

    /// <summary>The bar number of an attorney who represents nobody the tests open cases for.</summary>
    public const string OtherAttorneyBarNumber = "CA-990312";

    private TestDatabase? database;
    private WebApplication? app;
    private int nextANumber;

    public DatabaseKind Kind { get; } = kind;

    public FakeClock Clock { get; } = new(Now);

    public DatabaseTarget Target => (database ?? throw NotReady()).Target;

    public WebApplication App => app ?? throw NotReady();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>An officer of NYC, where the tests open their cases.</summary>
    public string OfficerToken { get; private set; } = "";

    /// <summary>An officer of LAX: NYC's cases are outside their caseload.</summary>
    public string OtherOfficeToken { get; private set; } = "";

    public string AuditorToken { get; private set; } = "";

    /// <summary>A supervisor of NYC: the tests' cases are in their caseload.</summary>
    public string SupervisorToken { get; private set; } = "";

    /// <summary>A supervisor of LAX: may read NYC's cases only by breaking glass (X-Access-Reason).</summary>
    public string OtherSupervisorToken { get; private set; } = "";

    /// <summary>An attorney with bar number <see cref="AttorneyBarNumber"/> (of record once a case enters it).</summary>
    public string AttorneyToken { get; private set; } = "";

    /// <summary>An attorney with bar number <see cref="OtherAttorneyBarNumber"/>, of record on no test case.</summary>
    public string OtherAttorneyToken { get; private set; } = "";

    /// <summary>The token of an NYC officer whose access was revoked.</summary>
    public string RevokedToken { get; private set; } = "";

    /// <summary>The server's own user store: its revocations take effect at once (see <see cref="OtherProcessUsers"/>).</summary>
    public UserStore Users => App.Services.GetRequiredService<UserStore>();

    /// <summary>The users table as another process sees it (<c>docket users revoke</c>): no shared token cache.</summary>
    public UserStore OtherProcessUsers => new(new DocketDatabase(Target), Clock);

    /// <summary>The API as the NYC officer calls it.</summary>
    public CaseApi AsOfficer => new(Http, OfficerToken);

    public CaseApi As(string? token) => new(Http, token);

    /// <summary>An A-number no other test of this class uses (this class's database is its own).</summary>
    public string NewANumber() => (212_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Kind);
        app = await DocketWebApp.CreateAsync(new DocketWebOptions
        {
            Database = database.Target,
            Urls = "http://127.0.0.1:0",
            Clock = Clock,
            Environment = "Testing",
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        Assert.DoesNotContain(":0", address.Split("//")[1], StringComparison.Ordinal);
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

        var users = Users;
        OfficerToken = (await users.AddAsync(Officer, UserRoles.Officer, "NYC")).Token;
        OtherOfficeToken = (await users.AddAsync("officer-lax", UserRoles.Officer, "LAX")).Token;
        AuditorToken = (await users.AddAsync("auditor-oig", UserRoles.Auditor, null)).Token;
        SupervisorToken = (await users.AddAsync("supervisor-nyc", UserRoles.Supervisor, "NYC")).Token;
        OtherSupervisorToken = (await users.AddAsync("supervisor-lax", UserRoles.Supervisor, "LAX")).Token;
        AttorneyToken = (await users.AddAsync(new NewUser("attorney-of-record", UserRoles.Attorney, null) { BarNumber = AttorneyBarNumber })).Token;
        OtherAttorneyToken = (await users.AddAsync(new NewUser("attorney-unrelated", UserRoles.Attorney, null) { BarNumber = OtherAttorneyBarNumber })).Token;
        RevokedToken = (await users.AddAsync("officer-departed", UserRoles.Officer, "NYC")).Token;
        Assert.True(await users.RevokeAsync("officer-departed"));
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private static InvalidOperationException NotReady() => new("The test server has not started.");
}

public sealed class SqliteServer() : DocketServer(DatabaseKind.Sqlite);

public sealed class PostgresServer() : DocketServer(DatabaseKind.Postgres);
