using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Docket.Web.OpenApi;

/// <summary>
/// Declares the bearer token (an API token from <c>docket users add</c>, or a self-service
/// session) and requires it on every operation that is not explicitly anonymous, so the
/// reference page can send one.
/// </summary>
internal static class BearerSecurity
{
    public const string SchemeName = "bearer";

    public static void AddSchemeTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer TOKEN: an API token (dkt_..., from `docket users add`) or a self-service session (dks_..., from POST /api/self-service/session).",
        };
    }

    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        operation.Security ??= [];
        if (DocketOpenApi.Has<IAllowAnonymous>(context))
        {
            // An empty requirement: this operation is open to anyone, no token needed.
            operation.Security.Add(new OpenApiSecurityRequirement());
            return;
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
    }
}
