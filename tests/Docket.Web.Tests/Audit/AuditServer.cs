using Docket.Store;
using Docket.Store.Users;
using Docket.Web.Audit;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using NodaTime.Testing;

namespace Docket.Web.Tests.Audit;

/// <summary>
/// A real web host for the audit API with its own key file in a private folder and its own
/// checkpoint schedule, plus a token for each role the audit API distinguishes.
/// </summary>
public abstract class AuditServer(DatabaseKind kind, int everyEvents, double everySeconds) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("docket-audit-web-").FullName;
    private TestDatabase? database;
    private WebApplication? app;
    private int nextANumber;

    public DatabaseKind Kind { get; } = kind;

    public string KeyPath => Path.Combine(folder, "key.pem");

    public TestDatabase Database => database ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; private set; } = null!;

    public string OfficerToken { get; private set; } = "";

    public string AuditorToken { get; private set; } = "";

    public string SupervisorToken { get; private set; } = "";

    public string AttorneyToken { get; private set; } = "";

    public CaseApi As(string? token) => new(Http, token);

    public string NewANumber() => (515_000_000 + Interlocked.Increment(ref nextANumber)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DocketWebOptions Options(string? keyPath = null) => new()
    {
        Database = Database.Target,
        Urls = "http://127.0.0.1:0",
        Clock = new FakeClock(DocketServer.Now),
        Environment = "Testing",
        Checkpoints = new CheckpointSettings { KeyPath = keyPath ?? KeyPath, EveryEvents = everyEvents, EverySeconds = everySeconds },
    };

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Kind);
        app = await DocketWebApp.CreateAsync(Options());
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        var users = new UserStore(new DocketDatabase(Database.Target), new FakeClock(DocketServer.Now));
        OfficerToken = (await users.AddAsync("officer-nyc", UserRoles.Officer, "NYC")).Token;
        AuditorToken = (await users.AddAsync("auditor-oig", UserRoles.Auditor, null)).Token;
        SupervisorToken = (await users.AddAsync("supervisor-nyc", UserRoles.Supervisor, "NYC")).Token;
        AttorneyToken = (await users.AddAsync(new NewUser("attorney-nyc", UserRoles.Attorney, null) { BarNumber = "NY-1234-2020" })).Token;
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

        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Checkpoints only on demand (the schedule is too slow to fire during a test).</summary>
public sealed class OnDemandSqliteServer() : AuditServer(DatabaseKind.Sqlite, 1_000_000, 3600);

public sealed class OnDemandPostgresServer() : AuditServer(DatabaseKind.Postgres, 1_000_000, 3600);

/// <summary>A checkpoint every 3 events.</summary>
public sealed class EveryThreeEventsServer() : AuditServer(DatabaseKind.Sqlite, 3, 3600);

/// <summary>A checkpoint every second, when the log grew.</summary>
public sealed class EverySecondServer() : AuditServer(DatabaseKind.Postgres, 1_000_000, 1);
