using System.Net;
using Docket.Store.Users;
using Docket.Web.SelfService;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// Deny by default: an endpoint that names no policy (and is not marked anonymous) is
/// unreachable for every caller, signed in or not. The test maps such an endpoint on the real
/// host, as a developer who forgot RequireAuthorization would.
/// </summary>
public sealed class DenyByDefaultTests : IAsyncLifetime
{
    private TestServer? server;

    public async Task InitializeAsync() => server = await new TestServerBuilder
    {
        Kind = DatabaseKind.Sqlite,
        BeforeStart = app =>
        {
            app.MapGet("/api/forgotten", () => Results.Text("case content nobody decided about"));
            app.MapPost("/api/forgotten", () => Results.Text("a write nobody decided about"));
        },
    }.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_endpoint_without_a_policy_is_401_for_the_anonymous_and_403_for_every_role()
    {
        var callers = new List<(string Who, string? Token, HttpStatusCode Expected)>
        {
            ("anonymous", null, HttpStatusCode.Unauthorized),
            ("officer", await server!.AddUserAsync("o", UserRoles.Officer, "NYC"), HttpStatusCode.Forbidden),
            ("supervisor", await server.AddUserAsync("s", UserRoles.Supervisor, "NYC"), HttpStatusCode.Forbidden),
            ("attorney", await server.AddUserAsync("a", UserRoles.Attorney, null, "NY-1"), HttpStatusCode.Forbidden),
            ("auditor", await server.AddUserAsync("u", UserRoles.Auditor, null), HttpStatusCode.Forbidden),
            ("self-service", server.App.Services.GetRequiredService<SelfServiceSessions>().Issue("212000001").Token, HttpStatusCode.Forbidden),
        };

        foreach (var (who, token, expected) in callers)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await new CaseApi(server.Http, token).SendAsync(method, "/api/forgotten", method == HttpMethod.Post ? "{}" : null);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(expected == response.StatusCode, $"{method} as {who}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
                Assert.DoesNotContain("nobody decided", text, StringComparison.Ordinal);
            }
        }
    }
}
