using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Docket.Store;
using Docket.Store.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Docket.Web.Tests.Scenarios;

/// <summary>
/// The real web host for the scenario sample: Kestrel on a free loopback port over a fresh
/// SQLite file, the system clock, and an NYC officer's token. Each scenario run opens its own
/// cases with <see cref="NewANumber"/>.
/// </summary>
public sealed class ScenarioServer : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"docket-scenarios-{Guid.NewGuid():N}.db");
    private DatabaseTarget? target;
    private WebApplication? app;
    private int nextANumber;

    public HttpClient Http { get; private set; } = null!;

    private string token = "";

    /// <summary>An A-number no other run in this server has used.</summary>
    public string NewANumber() =>
        (318_000_000 + Interlocked.Increment(ref nextANumber)).ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        target = DatabaseTarget.Parse("sqlite:" + path);
        app = await DocketWebApp.CreateAsync(new DocketWebOptions
        {
            Database = target,
            Urls = "http://127.0.0.1:0",
            Environment = "Testing",
        });
        await app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        token = (await new UserStore(new DocketDatabase(target), NodaTime.SystemClock.Instance).AddAsync("officer", "officer", "NYC")).Token;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, string? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (target is not null)
        {
            using var connection = new SqliteConnection(target.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still held open: left to the temp folder's own cleaning.
            }
        }
    }
}
