using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Docket.Store.Users;

namespace Docket.Web.Tests.Scenarios;

/// <summary>
/// The real web host for the scenario sample (the kit's <see cref="TestServer"/>): Kestrel on a
/// free loopback port over a fresh SQLite file, the system clock, and an NYC officer's token.
/// Each scenario run opens its own cases with <see cref="NewANumber"/>.
/// </summary>
public sealed class ScenarioServer : IAsyncLifetime
{
    private TestServer? server;
    private int nextANumber;

    public HttpClient Http => (server ?? throw new InvalidOperationException("not started")).Http;

    private string token = "";

    /// <summary>An A-number no other run in this server has used.</summary>
    public string NewANumber() =>
        (318_000_000 + Interlocked.Increment(ref nextANumber)).ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        server = await new TestServerBuilder { Kind = DatabaseKind.Sqlite, Clock = NodaTime.SystemClock.Instance }.StartAsync();
        token = await server.AddUserAsync("officer", UserRoles.Officer, "NYC");
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
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
