using Docket.Store;
using Docket.Store.Users;
using Docket.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Docket.Testing;

/// <summary>
/// A started Docket web host (see <see cref="TestServerBuilder"/>) with an HTTP client on its
/// address, its database and a private folder for files such as the checkpoint key. Disposing
/// stops the host and removes the folder and the database it created.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>2025-06-02T15:00:00Z, 11:00 in New York: "today" for the legal calendar is 2025-06-02.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 6, 2, 15, 0);

    internal const string KeyFileName = "checkpoint-key.pem";

    private readonly TestDatabase? database;

    internal TestServer(WebApplication app, DocketWebOptions options, TestDatabase? database, string folder)
    {
        App = app;
        Options = options;
        this.database = database;
        Folder = folder;
        var address = app.Urls.Single();
        if (address.Split("//")[1].EndsWith(":0", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The test server did not get a port of its own: {address}");
        }

        Address = new Uri(address);
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    /// <summary>What the host was created with; <c>Options with { ... }</c> describes a second host on the same database.</summary>
    public DocketWebOptions Options { get; }

    public DatabaseTarget Target => Options.Database;

    public DatabaseKind Kind => Target.Provider == DatabaseProvider.Postgres ? DatabaseKind.Postgres : DatabaseKind.Sqlite;

    /// <summary>The database the server created for itself (not there when it serves one it was given).</summary>
    public TestDatabase Database => database ?? throw new InvalidOperationException("This server serves a database it was given, not a test database of its own.");

    public IClock Clock => Options.Clock;

    /// <summary>The server's private folder, removed with it.</summary>
    public string Folder { get; }

    /// <summary>The checkpoint signing key the host uses.</summary>
    public string KeyPath => Options.Checkpoints!.KeyPath!;

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client on <see cref="Address"/> (60 s timeout), disposed with the server.</summary>
    public HttpClient Http { get; }

    /// <summary>The server's own user store: its revocations take effect at once (see <see cref="OtherProcessUsers"/>).</summary>
    public UserStore Users => App.Services.GetRequiredService<UserStore>();

    /// <summary>The users table as another process sees it (<c>docket users revoke</c>): no shared token cache.</summary>
    public UserStore OtherProcessUsers => new(new DocketDatabase(Target), Clock);

    /// <summary>Adds a user through the server's user store and returns their bearer token.</summary>
    public Task<string> AddUserAsync(string name, string role, string? office, string? barNumber = null) =>
        AddUserAsync(new NewUser(name, role, office) { BarNumber = barNumber });

    public async Task<string> AddUserAsync(NewUser user) => (await Users.AddAsync(user)).Token;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        TempFolder.Delete(Folder);
    }
}
