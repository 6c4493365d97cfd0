using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Docket.Web.SelfService;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// What routing knows is answered the same to every caller, before anyone's permissions are
/// looked at: these requests used to reach the deny-by-default policy and came back 401 or 403,
/// telling a caller with a typo or a wrong Content-Type that they lacked a permission.
/// </summary>
public sealed class RoutingAnswerTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private List<(string Who, string? Token)> Callers() =>
    [
        ("no token", null),
        ("a token nobody was given", "dkt_AAAAnotArealTokenAAAAAAAAAAAAAAAAAAAAAAAA"),
        ("a revoked token", server.RevokedToken),
        ("officer", server.OfficerToken),
        ("officer of another office", server.OtherOfficeToken),
        ("supervisor", server.SupervisorToken),
        ("attorney", server.AttorneyToken),
        ("auditor", server.AuditorToken),
        ("self-service", server.App.Services.GetRequiredService<SelfServiceSessions>().Issue("212000001").Token),
    ];

    [Fact]
    public async Task UnknownRouteIs404ForEveryCaller()
    {
        var wrong = new List<string>();
        foreach (var (who, token) in Callers())
        {
            foreach (var path in new[] { "/nothing-here", "/api/nothing-here", "/api/cases/212000001/nothing-here", "/api/audit/nothing-here", "/api/self-service/nothing-here", "/api/stats/nothing-here" })
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    using var response = await server.As(token).SendAsync(method, path, method == HttpMethod.Post ? "{}" : null);
                    if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        wrong.Add($"{method} {path} as {who}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "Unknown paths not answered 404 with a problem:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task WrongMethodOnAKnownPathIs405WithAllowForEveryCaller()
    {
        foreach (var (who, token) in Callers())
        {
            using var response = await server.As(token).SendAsync(HttpMethod.Delete, "/api/cases/212000001");

            var problem = await Json.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
            Assert.True(response.Content.Headers.Allow.Contains("GET"), $"as {who}: Allow is '{string.Join(",", response.Content.Headers.Allow)}'");
            Assert.Contains("DELETE", problem.Text("detail"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NonJsonBodyIs415OnEveryJsonEndpointForEveryCaller()
    {
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            .Select(e => (Method: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single(), Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{aNumber}", "212000001", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(["POST /api/audit/break-glass/reviews", "POST /api/cases/", "POST /api/cases/212000001/events", "POST /api/departures/212000001/verification", "POST /api/self-service/address", "POST /api/self-service/departure", "POST /api/self-service/session"], endpoints.Select(e => $"{e.Method} {e.Path}").Order(StringComparer.Ordinal));

        var wrong = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            foreach (var (who, token) in Callers())
            {
                foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=docket" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"aNumber\":\"212000001\"}", Encoding.UTF8) };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await server.Http.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.UnsupportedMediaType || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        wrong.Add($"{method} {path} as {who} with {contentType}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "Bodies that are not JSON not answered 415:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task UnknownBearerTokenIs401SayingItIsNotKnownToThisDatabase()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);

        using var response = await server.As("dkt_AAAAnotArealTokenAAAAAAAAAAAAAAAAAAAAAAAA").GetRawAsync(digits);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not known to this database", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter == "error=\"invalid_token\"");
        Assert.DoesNotContain("Quillfeather", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedBearerTokenIs401SayingItWasRevoked()
    {
        using var response = await server.As(server.RevokedToken).SendAsync(HttpMethod.Get, "/api/caseload/hearings");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTokenIs401SayingHowToSendOne()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/api/caseload/hearings");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in required", problem.Text("title"));
        Assert.Contains("Authorization: Bearer", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedSelfServiceSessionIs401SayingToSignInAgain()
    {
        using var response = await server.As(SelfServiceSessions.Prefix + "bm90LXNlYWxlZC1ieS10aGlzLXNlcnZlcg").SendAsync(HttpMethod.Get, "/api/self-service/case");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("sign in again", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBodyOver256KiBIs413NotA400()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var huge = Bodies.AddressChange(new string('x', 300 * 1024));

        using var response = await server.AsOfficer.PostEventRawAsync(digits, huge, "\"1\"");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("256 KiB", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(1, await server.StoredVersionAsync(digits));
    }
}
