using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is complete enough for a client to be written from it: every operation
/// named, tagged with a described tag, marked with the token it needs, and listing the problems
/// it can answer. Each check is against the running host's own endpoints, so a new endpoint
/// that forgets any of it fails here.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, "/openapi/v1.json");
        return await Json.ReadAsync(response, HttpStatusCode.OK);
    }

    private static IEnumerable<(string Key, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _))
            .Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));

    /// <summary>The endpoints the document describes, by operationId (their endpoint name).</summary>
    private Dictionary<string, RouteEndpoint> EndpointsByName() =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);

    [Fact]
    public async Task Every_operation_has_a_unique_camelCase_operationId_naming_an_endpoint()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        var missing = operations.Where(o => !o.Operation.TryGetProperty("operationId", out _)).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "Operations without an operationId (add WithName(\"verbNoun\")):\n" + string.Join("\n", missing));

        var ids = operations.Select(o => o.Operation.Text("operationId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][a-zA-Z]+$", id));
        Assert.Contains("openCase", ids);
        Assert.Contains("recordEvent", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), EndpointsByName().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_tag_an_operation_uses_is_listed_at_the_top_with_a_description()
    {
        var document = await DocumentAsync();
        var listed = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.Text("name"), t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();

        Assert.Equal(used.Order(), listed.Keys.Order());
        var undescribed = listed.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();
        Assert.True(undescribed.Count == 0, "Tags without a description (add one to TagDescriptions): " + string.Join(", ", undescribed));
    }

    [Fact]
    public async Task Every_operation_that_needs_a_token_requires_the_bearer_scheme_and_the_anonymous_ones_need_none()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (scheme.Text("type"), scheme.Text("scheme")));

        var endpoints = EndpointsByName();
        var wrong = new List<string>();
        foreach (var (key, operation) in Operations(document))
        {
            var anonymous = endpoints[operation.Text("operationId")].Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var requirements = operation.TryGetProperty("security", out var security) ? security.EnumerateArray().ToList() : [];
            var bearer = requirements.Any(r => r.TryGetProperty("bearer", out _));
            var open = requirements.Count == 0 || requirements.Any(r => !r.EnumerateObject().Any());
            if (anonymous ? bearer || !open : !bearer || open)
            {
                wrong.Add($"{key}: {(anonymous ? "anonymous, but the document asks for a token" : "needs a token, but the document does not say so")}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Contains(Operations(document), o => o.Key == "POST /api/self-service/session" && !o.Operation.GetProperty("security")[0].EnumerateObject().Any());
    }

    [Fact]
    public async Task Every_operation_lists_its_problems_as_problem_json_with_errors_on_400_and_violations_on_422()
    {
        var document = await DocumentAsync();
        var endpoints = EndpointsByName();
        var wrong = new List<string>();
        foreach (var (key, operation) in Operations(document))
        {
            var endpoint = endpoints[operation.Text("operationId")];
            var responses = operation.GetProperty("responses");
            var statuses = responses.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var expected = new List<string>();
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                expected.AddRange(["401", "403"]);
            }

            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            {
                expected.AddRange(["400", "413", "415"]);
            }

            if (endpoint.RoutePattern.Parameters.Any(p => p.Name == "aNumber"))
            {
                expected.AddRange(["400", "404"]);
            }

            wrong.AddRange(expected.Where(s => !statuses.Contains(s)).Select(s => $"{key}: no {s} response"));
            foreach (var problem in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                if (!problem.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var media))
                {
                    wrong.Add($"{key} {problem.Name}: not application/problem+json");
                    continue;
                }

                var schema = media.GetProperty("schema").Text("$ref");
                var want = problem.Name switch { "400" => "BadRequestProblem", "422" => "RefusalProblem", _ => "ProblemDetails" };
                if (schema != $"#/components/schemas/{want}")
                {
                    wrong.Add($"{key} {problem.Name}: schema {schema}, not {want}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var record = Operations(document).Single(o => o.Key == "POST /api/cases/{aNumber}/events").Operation.GetProperty("responses");
        foreach (var status in (string[])["409", "422", "428"])
        {
            Assert.True(record.TryGetProperty(status, out _), $"recordEvent has no {status}");
        }

        var signIn = Operations(document).Single(o => o.Key == "POST /api/self-service/session").Operation.GetProperty("responses");
        Assert.True(signIn.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Contains("errors", schemas.GetProperty("BadRequestProblem").GetProperty("allOf")[1].GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("violations", schemas.GetProperty("RefusalProblem").GetProperty("allOf")[1].GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_server_url_has_no_trailing_slash()
    {
        var document = await DocumentAsync();

        var url = document.GetProperty("servers")[0].Text("url");
        Assert.Equal(server.Http.BaseAddress!.ToString().TrimEnd('/'), url);
    }
}
