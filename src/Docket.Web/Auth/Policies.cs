using Docket.Store.Users;
using Microsoft.AspNetCore.Authorization;

namespace Docket.Web.Auth;

/// <summary>
/// Named authorisation policies. Deny by default: the fallback policy refuses everyone, so an
/// endpoint that names no policy (and is not explicitly anonymous) is unreachable.
/// </summary>
public static class Policies
{
    /// <summary>Officers and supervisors: open cases in their office, reissue access codes.</summary>
    public const string OpenCases = "open-cases";

    /// <summary>May ask to read a case (scoped further per case: caseload, or break-glass with a reason).</summary>
    public const string CaseContent = "case-content";

    /// <summary>May record events (officers and supervisors on their office's cases; attorneys of record).</summary>
    public const string RecordEvents = "record-events";

    /// <summary>Auditors: the access log, checkpoints and verification.</summary>
    public const string AccessAudit = "access-audit";

    /// <summary>Supervisors and auditors: break-glass reads awaiting review, and reviewing them.</summary>
    public const string BreakGlassReview = "break-glass-review";

    /// <summary>The person, signed in to self-service for their own case.</summary>
    public const string SelfService = "self-service";

    public static IServiceCollection AddDocketAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(OpenCases, p => p.RequireRole(UserRoles.Officer, UserRoles.Supervisor))
            .AddPolicy(CaseContent, p => p.RequireRole(UserRoles.Officer, UserRoles.Supervisor, UserRoles.Attorney, UserRoles.Auditor))
            .AddPolicy(RecordEvents, p => p.RequireRole(UserRoles.Officer, UserRoles.Supervisor, UserRoles.Attorney))
            .AddPolicy(AccessAudit, p => p.RequireRole(UserRoles.Auditor))
            .AddPolicy(BreakGlassReview, p => p.RequireRole(UserRoles.Supervisor, UserRoles.Auditor))
            .AddPolicy(SelfService, p => p.RequireRole(Caller.SelfServiceRole).RequireClaim(Caller.CaseClaim));
        return services;
    }
}
