using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Docket.Web.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/scalar</c>). The
/// framework describes routes and result types; the transformers here add what it cannot know:
/// who needs a token, the problems each operation can answer, the tags' descriptions, and the
/// event bodies, generated from the Domain's own records so the document cannot drift from them.
/// </summary>
public static class DocketOpenApi
{
    public static IServiceCollection AddDocketOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Docket API";
                document.Info.Description = "Immigration case lifecycle: each case an append-only, tamper-evident event log. Errors are RFC 9457 problem details; dates are YYYY-MM-DD.";
                // The server's URL is the base every path is appended to ("/api/..."): no trailing slash.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                TagDescriptions.AddTo(document);
                BearerSecurity.AddSchemeTo(document);
                ProblemResponses.AddSchemasTo(document);
                EventSchemas.AddTo(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                BearerSecurity.Apply(operation, context);
                ProblemResponses.Apply(operation, context);
                JsonBodySchema.Apply(operation, context);
                return Task.CompletedTask;
            });
        });
        services.AddOpenApiDocumentCache();
        return services;
    }

    /// <summary>The document and the reference page: both public, neither with case data. (<c>/</c> is the staff pages' start.)</summary>
    public static IEndpointRouteBuilder MapDocketOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous().CacheDocument();
        app.MapScalarApiReference(scalar => scalar.AddPreferredSecuritySchemes(BearerSecurity.SchemeName)).AllowAnonymous();
        return app;
    }

    /// <summary>The operation's endpoint metadata, last added first (as the framework reads it).</summary>
    internal static T? Metadata<T>(OpenApiOperationTransformerContext context)
        where T : class =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<T>().LastOrDefault();

    internal static bool Has<T>(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<T>().Any();

    internal static IDictionary<string, IOpenApiSchema> Schemas(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        return document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
    }
}
