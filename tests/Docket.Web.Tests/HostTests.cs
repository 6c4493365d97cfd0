using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>What the host serves besides cases: security headers, health, the OpenAPI document.</summary>
public sealed class HostTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Every_response_carries_nosniff_and_a_Content_Security_Policy_that_forbids_framing()
    {
        var digits = server.NewANumber();
        var officer = server.AsOfficer;
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("201 opening", await officer.OpenRawAsync(Bodies.Opening(digits))),
            ("200 case", await officer.GetRawAsync(digits)),
            ("201 event", await officer.PostEventRawAsync(digits, Bodies.AddressChange("1 Header Street"), "\"1\"")),
            ("400 bad event", await officer.PostEventRawAsync(digits, "{", "\"2\"")),
            ("409 conflict", await officer.PostEventRawAsync(digits, Bodies.AddressChange("2 Header Street"), "\"1\"")),
            ("428 no If-Match", await officer.PostEventRawAsync(digits, Bodies.AddressChange("3 Header Street"), null)),
            ("404 unknown case", await officer.GetRawAsync(server.NewANumber())),
            ("404 unknown path", await officer.SendAsync(HttpMethod.Get, "/api/nothing-here")),
            ("401 no token", await server.As(null).GetRawAsync(digits)),
            ("403 auditor", await server.As(server.AuditorToken).GetRawAsync(digits)),
            ("200 health", await server.As(null).SendAsync(HttpMethod.Get, "/healthz")),
            ("200 OpenAPI", await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json")),
        };

        try
        {
            foreach (var (what, response) in responses)
            {
                Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), $"{what}: X-Content-Type-Options is missing");
                Assert.Equal(["nosniff"], nosniff);
                Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: Content-Security-Policy is missing");
                Assert.Contains("frame-ancestors 'none'", Assert.Single(csp), StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var (_, response) in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Health_is_200_healthy_without_a_token()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/healthz");

        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_without_a_token_and_lists_the_case_endpoints()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");

        var document = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, p => p.TrimEnd('/') == "/api/cases");
        Assert.Contains("/api/cases/{aNumber}", paths);
        Assert.Contains("/api/cases/{aNumber}/events", paths);
        var open = document.GetProperty("paths").EnumerateObject().First(p => p.Name.TrimEnd('/') == "/api/cases").Value;
        Assert.Equal(JsonValueKind.Object, open.GetProperty("post").ValueKind);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_from_memory_unchanged_and_each_host_gets_its_own_server_url()
    {
        var (first, _) = await OpenApiTextAsync(host: null, token: null);
        var (again, fromMemory) = await OpenApiTextAsync(host: null, token: server.OfficerToken);
        var (forged, _) = await OpenApiTextAsync(host: "forged.example", token: null);
        var (afterForged, _) = await OpenApiTextAsync(host: null, token: null);

        // The same document each time, a valid one, with or without a token; the second from memory.
        Assert.True(fromMemory, "the second request was not answered from the cache (no Age header)");
        Assert.Equal(first, again);
        Assert.Equal(first, afterForged);
        using var document = JsonDocument.Parse(first);
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/cases/{aNumber}", document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name));

        // A forged Host sees only its own copy; it cannot plant its URL in anyone else's.
        Assert.Equal(server.Http.BaseAddress!.ToString().TrimEnd('/'), ServerUrl(first));
        Assert.Equal("http://forged.example", ServerUrl(forged));
    }

    /// <summary>The document's text, and whether it came from the output cache (which adds an Age header).</summary>
    private async Task<(string Text, bool FromMemory)> OpenApiTextAsync(string? host, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    private static string? ServerUrl(string document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("servers")[0].GetProperty("url").GetString();
    }
}
