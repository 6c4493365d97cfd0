using Docket.Store.Users;
using Microsoft.AspNetCore.Authorization;

namespace Docket.Web.Auth;

/// <summary>
/// Named authorisation policies. The fallback policy requires a signed-in user, so an
/// endpoint that names no policy is never open by accident; public endpoints opt out by name.
/// </summary>
public static class Policies
{
    /// <summary>Officers and supervisors: open cases in their office.</summary>
    public const string OpenCases = "open-cases";

    /// <summary>Anyone who may see case content at all (scoped further per case).</summary>
    public const string CaseContent = "case-content";

    public static IServiceCollection AddDocketAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(OpenCases, p => p.RequireRole(UserRoles.Officer, UserRoles.Supervisor))
            .AddPolicy(CaseContent, p => p.RequireRole(UserRoles.Officer, UserRoles.Supervisor, UserRoles.Attorney));
        return services;
    }
}
