using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docket.Web.OpenApi;

/// <summary>
/// The schema of an endpoint's JSON body, named by component. The body is read raw and parsed by
/// the Domain's strict parser, not bound to a C# type, so the framework cannot describe it; the
/// schema comes from <see cref="EventSchemas"/>.
/// </summary>
public sealed record JsonBodySchema(string Component)
{
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (DocketOpenApi.Metadata<JsonBodySchema>(context) is not { } body)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(body.Component, context.Document) },
            },
        };
    }
}

public static class JsonBodySchemaExtensions
{
    /// <summary>The endpoint reads a JSON body of this schema; any other content type is 415.</summary>
    public static RouteHandlerBuilder AcceptsJson(this RouteHandlerBuilder builder, string component) =>
        builder.Accepts<object>("application/json").WithMetadata(new JsonBodySchema(component));
}
