using Docket.Store.Users;
using Docket.Web.Audit;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Audit;

/// <summary>
/// A real web host for the audit API (the kit's <see cref="TestServer"/>) with its own key file in
/// the server's private folder and its own checkpoint schedule, plus a token for each role the
/// audit API distinguishes.
/// </summary>
public abstract class AuditServer(DatabaseKind kind, int everyEvents, double everySeconds) : IAsyncLifetime
{
    private TestServer? server;
    private int nextANumber;

    public DatabaseKind Kind { get; } = kind;

    public TestServer Kit => server ?? throw new InvalidOperationException("not started");

    public string KeyPath => Kit.KeyPath;

    public TestDatabase Database => Kit.Database;

    public HttpClient Http => Kit.Http;

    public string OfficerToken { get; private set; } = "";

    public string AuditorToken { get; private set; } = "";

    public string SupervisorToken { get; private set; } = "";

    public string AttorneyToken { get; private set; } = "";

    public CaseApi As(string? token) => new(Http, token);

    public string NewANumber() => (515_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The options of this server's host, with the key at <paramref name="keyPath"/> when given: a second host on the same database.</summary>
    public DocketWebOptions Options(string? keyPath = null) => Kit.Options with
    {
        Checkpoints = Kit.Options.Checkpoints! with { KeyPath = keyPath ?? KeyPath },
    };

    public async Task InitializeAsync()
    {
        server = await new TestServerBuilder
        {
            Kind = Kind,
            Checkpoints = new CheckpointSettings { EveryEvents = everyEvents, EverySeconds = everySeconds },
        }.StartAsync();
        OfficerToken = await server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
        AuditorToken = await server.AddUserAsync("auditor-oig", UserRoles.Auditor, null);
        SupervisorToken = await server.AddUserAsync("supervisor-nyc", UserRoles.Supervisor, "NYC");
        AttorneyToken = await server.AddUserAsync("attorney-nyc", UserRoles.Attorney, null, "NY-1234-2020");
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Checkpoints only on demand (the schedule is too slow to fire during a test).</summary>
public sealed class OnDemandSqliteServer() : AuditServer(DatabaseKind.Sqlite, 1_000_000, 3600);

public sealed class OnDemandPostgresServer() : AuditServer(DatabaseKind.Postgres, 1_000_000, 3600);

/// <summary>A checkpoint every 3 events.</summary>
public sealed class EveryThreeEventsServer() : AuditServer(DatabaseKind.Sqlite, 3, 3600);

/// <summary>A checkpoint every second, when the log grew.</summary>
public sealed class EverySecondServer() : AuditServer(DatabaseKind.Postgres, 1_000_000, 1);
