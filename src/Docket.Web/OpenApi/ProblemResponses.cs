using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docket.Web.OpenApi;

/// <summary>The problem statuses an endpoint answers besides those its guards add (see <see cref="ProblemResponses"/>).</summary>
public sealed record ProblemStatuses(IReadOnlyList<int> Statuses);

/// <summary>
/// Declares, on every operation, each RFC 9457 problem it can answer, as
/// <c>application/problem+json</c>. An endpoint names its own (<see cref="ProducesProblems"/>);
/// the guards add theirs: a token (401, 403), a JSON body (400, 413, 415), a rate limit (429).
/// A 400 carries <c>errors</c> (one line each) and a 422 <c>violations</c> (the rules).
/// </summary>
public static class ProblemResponses
{
    public const string ProblemSchema = "ProblemDetails";
    public const string BadRequestSchema = "BadRequestProblem";
    public const string RefusalSchema = "RefusalProblem";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is malformed: `errors` lists each thing to fix.",
        [401] = "No token, or the token was not accepted (unknown to this database, revoked, expired; `detail` says which).",
        [403] = "Your role may not do this (or, for a case outside your caseload, state X-Access-Reason if your role may break glass).",
        [404] = "Not found, or not in your caseload (the same answer, so nobody can probe which cases exist).",
        [409] = "Conflict: the case has moved on (`currentVersion`), it exists already, or the log was changed outside Docket.",
        [413] = "The body is larger than 256 KiB.",
        [415] = "The body is not application/json.",
        [422] = "A legal safeguard forbids this step: `violations` names each rule.",
        [428] = "If-Match is required: the case version you read, as \"VERSION\".",
        [429] = "Too many requests or failed sign-ins: Retry-After says in how many seconds to try again.",
        [503] = "The database is unavailable (`cause`: disk-full, read-only, unreachable, timed-out, ...), or for issuing a checkpoint the signing key file is missing: nothing was read or recorded; Retry-After says in how many seconds to try again.",
    };

    /// <summary>The problem statuses this endpoint itself can answer.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemStatuses(statuses));

    public static void AddSchemasTo(OpenApiDocument document)
    {
        var schemas = DocketOpenApi.Schemas(document);
        schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the kind of problem." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong this time, and what to do." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." },
                ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "On a 409 version conflict: the version the case is at." },
                ["cause"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "On a 503: why the server cannot serve now (disk-full, read-only, cannot-open, storage-error, damaged, unreachable, timed-out, busy, signing-key-unavailable)." },
            },
            Required = new HashSet<string>(StringComparer.Ordinal) { "title", "status" },
        };
        schemas[BadRequestSchema] = Extending(document, "A malformed request.", "errors", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Each thing to fix, as `field: what is wrong`.",
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        schemas[RefusalSchema] = Extending(document, "A step a legal safeguard forbids.", "violations", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Each rule that forbids the step, with its id in rules/REFERENCE.md.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The rule id, for example NTA-10D." },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
                Required = new HashSet<string>(StringComparer.Ordinal) { "rule", "message" },
            },
        });
    }

    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var statuses = new SortedSet<int>(DocketOpenApi.Metadata<ProblemStatuses>(context)?.Statuses ?? []);
        if (!DocketOpenApi.Has<IAllowAnonymous>(context))
        {
            statuses.UnionWith([401, 403]);
        }

        if (DocketOpenApi.Has<IAcceptsMetadata>(context))
        {
            statuses.UnionWith([400, 413, 415]);
        }

        if (DocketOpenApi.Has<EnableRateLimitingAttribute>(context))
        {
            statuses.Add(429);
        }

        // Every operation that asks the database (all but the anonymous ones without a body,
        // which is the public key) can find it unavailable.
        if (!DocketOpenApi.Has<IAllowAnonymous>(context) || DocketOpenApi.Has<IAcceptsMetadata>(context))
        {
            statuses.Add(503);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var schema = status switch { 400 => BadRequestSchema, 422 => RefusalSchema, _ => ProblemSchema };
            var response = new OpenApiResponse
            {
                Description = Descriptions.TryGetValue(status, out var description)
                    ? description
                    : throw new InvalidOperationException($"Problem status {status} has no description in ProblemResponses."),
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, context.Document) },
                },
            };
            if (status is 429 or 503)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }

            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = response;
        }
    }

    private static OpenApiSchema Extending(OpenApiDocument document, string description, string property, OpenApiSchema schema) => new()
    {
        Description = description,
        AllOf =
        [
            new OpenApiSchemaReference(ProblemSchema, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) { [property] = schema },
                Required = new HashSet<string>(StringComparer.Ordinal) { property },
            },
        ],
    };
}
