using Docket.Store.Users;
using Microsoft.AspNetCore.Authorization;

namespace Docket.Web.Pages;

/// <summary>
/// The staff pages' policies: the same roles as the API's (<see cref="Auth.Policies"/>), proved
/// by the staff cookie instead of a bearer token.
/// </summary>
public static class PagePolicies
{
    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "page-staff";

    /// <summary>May read a case (as <see cref="Auth.Policies.CaseContent"/>).</summary>
    public const string CaseContent = "page-case-content";

    /// <summary>May search the caseload and record events (as <see cref="Auth.Policies.RecordEvents"/>).</summary>
    public const string RecordEvents = "page-record-events";

    /// <summary>May open cases (as <see cref="Auth.Policies.OpenCases"/>).</summary>
    public const string OpenCases = "page-open-cases";

    /// <summary>Auditors: the access log and its CSV, checkpoints and verification (as <see cref="Auth.Policies.AccessAudit"/>).</summary>
    public const string AccessAudit = "page-access-audit";

    /// <summary>Supervisors and auditors: break-glass reads awaiting review (as <see cref="Auth.Policies.BreakGlassReview"/>).</summary>
    public const string BreakGlassReview = "page-break-glass-review";

    public static AuthorizationBuilder AddPagePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Staff, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.All))
            .AddPolicy(CaseContent, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.Officer, UserRoles.Supervisor, UserRoles.Attorney, UserRoles.Auditor))
            .AddPolicy(RecordEvents, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.Officer, UserRoles.Supervisor, UserRoles.Attorney))
            .AddPolicy(OpenCases, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.Officer, UserRoles.Supervisor))
            .AddPolicy(AccessAudit, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.Auditor))
            .AddPolicy(BreakGlassReview, p => p.AddAuthenticationSchemes(StaffCookie.Scheme).RequireRole(UserRoles.Supervisor, UserRoles.Auditor));
    }
}
