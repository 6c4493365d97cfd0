using Docket.Store;
using Docket.Store.Users;
using Microsoft.AspNetCore.Builder;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Web.Tests.Infrastructure;

/// <summary>
/// The real web host (the kit's <see cref="TestServer"/>), started once per test class: Kestrel on
/// a free loopback port, a fresh database, a fixed clock, and a token for each kind of caller the
/// tests need. Every test in the class shares it, so each test opens its own cases (<see cref="NewANumber"/>).
/// </summary>
public abstract class DocketServer(DatabaseKind kind) : IAsyncLifetime
{
    /// <summary>2025-06-02T15:00:00Z, 11:00 in New York: "today" for the legal calendar is 2025-06-02.</summary>
    public static readonly Instant Now = TestServer.Now;

    public const string Today = "2025-06-02";

    public const string RecordedAtNow = "2025-06-02T15:00:00.000Z";

    public const string Officer = "officer-nyc";

    /// <summary>The bar number of <see cref="AttorneyToken"/>'s holder: enter it on a case to make them attorney of record.</summary>
    public const string AttorneyBarNumber = "NY-4471-2019";

    /// <summary>The bar number of an attorney who represents nobody the tests open cases for.</summary>
    public const string OtherAttorneyBarNumber = "CA-990312";

    private TestServer? server;
    private int nextANumber;

    public DatabaseKind Kind { get; } = kind;

    public FakeClock Clock { get; } = new(Now);

    public TestServer Kit => server ?? throw NotReady();

    public DatabaseTarget Target => Kit.Target;

    public WebApplication App => Kit.App;

    public HttpClient Http => Kit.Http;

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
    public UserStore Users => Kit.Users;

    /// <summary>The users table as another process sees it (<c>docket users revoke</c>): no shared token cache.</summary>
    public UserStore OtherProcessUsers => Kit.OtherProcessUsers;

    /// <summary>The API as the NYC officer calls it.</summary>
    public CaseApi AsOfficer => new(Http, OfficerToken);

    public CaseApi As(string? token) => new(Http, token);

    /// <summary>An A-number no other test of this class uses (this class's database is its own).</summary>
    public string NewANumber() => (212_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        server = await new TestServerBuilder { Kind = Kind, Clock = Clock }.StartAsync();
        OfficerToken = await server.AddUserAsync(Officer, UserRoles.Officer, "NYC");
        OtherOfficeToken = await server.AddUserAsync("officer-lax", UserRoles.Officer, "LAX");
        AuditorToken = await server.AddUserAsync("auditor-oig", UserRoles.Auditor, null);
        SupervisorToken = await server.AddUserAsync("supervisor-nyc", UserRoles.Supervisor, "NYC");
        OtherSupervisorToken = await server.AddUserAsync("supervisor-lax", UserRoles.Supervisor, "LAX");
        AttorneyToken = await server.AddUserAsync("attorney-of-record", UserRoles.Attorney, null, AttorneyBarNumber);
        OtherAttorneyToken = await server.AddUserAsync("attorney-unrelated", UserRoles.Attorney, null, OtherAttorneyBarNumber);
        RevokedToken = await server.AddUserAsync("officer-departed", UserRoles.Officer, "NYC");
        Assert.True(await Users.RevokeAsync("officer-departed"));
        foreach (var name in new[] { Officer, "officer-lax", "auditor-oig", "supervisor-nyc", "supervisor-lax", "attorney-of-record", "attorney-unrelated" })
        {
            StaffLogins[name] = await server.GiveStaffSignInAsync(name);
        }
    }

    /// <summary>Each user's staff sign-in (password and authenticator secret), by user name.</summary>
    public Dictionary<string, StaffLogin> StaffLogins { get; } = new(StringComparer.Ordinal);

    /// <summary>A browser signed in to the staff pages as this user (through the real form, with a fresh TOTP code).</summary>
    public Task<StaffPages.PageClient> PagesAsAsync(string userName) =>
        StaffPages.PageClient.SignedInAsync(Kit.Address, StaffLogins[userName], Clock);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static InvalidOperationException NotReady() => new("The test server has not started.");
}

public sealed class SqliteServer() : DocketServer(DatabaseKind.Sqlite);

public sealed class PostgresServer() : DocketServer(DatabaseKind.Postgres);
