using System.Net;
using Docket.Store;
using Docket.Store.Users;
using Docket.Web.SelfService;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// Deny by default: an endpoint that names no policy (and is not marked anonymous) is
/// unreachable for every caller, signed in or not. The test maps such an endpoint on the real
/// host, as a developer who forgot RequireAuthorization would.
/// </summary>
public sealed class DenyByDefaultTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(DocketServer.Now);
    private TestDatabase? database;
    private WebApplication? app;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        app = await DocketWebApp.CreateAsync(new DocketWebOptions { Database = database.Target, Urls = "http://127.0.0.1:0", Clock = clock, Environment = "Testing" });
        app.MapGet("/api/forgotten", () => Results.Text("case content nobody decided about"));
        app.MapPost("/api/forgotten", () => Results.Text("a write nobody decided about"));
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
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

    [Fact]
    public async Task An_endpoint_without_a_policy_is_401_for_the_anonymous_and_403_for_every_role()
    {
        var users = new UserStore(new DocketDatabase(database!.Target), clock);
        var callers = new List<(string Who, string? Token, HttpStatusCode Expected)>
        {
            ("anonymous", null, HttpStatusCode.Unauthorized),
            ("officer", (await users.AddAsync("o", UserRoles.Officer, "NYC")).Token, HttpStatusCode.Forbidden),
            ("supervisor", (await users.AddAsync("s", UserRoles.Supervisor, "NYC")).Token, HttpStatusCode.Forbidden),
            ("attorney", (await users.AddAsync(new NewUser("a", UserRoles.Attorney, null) { BarNumber = "NY-1" })).Token, HttpStatusCode.Forbidden),
            ("auditor", (await users.AddAsync("u", UserRoles.Auditor, null)).Token, HttpStatusCode.Forbidden),
            ("self-service", app!.Services.GetRequiredService<SelfServiceSessions>().Issue("212000001").Token, HttpStatusCode.Forbidden),
        };
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        foreach (var (who, token, expected) in callers)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await new CaseApi(http, token).SendAsync(method, "/api/forgotten", method == HttpMethod.Post ? "{}" : null);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(expected == response.StatusCode, $"{method} as {who}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
                Assert.DoesNotContain("nobody decided", text, StringComparison.Ordinal);
            }
        }
    }
}
