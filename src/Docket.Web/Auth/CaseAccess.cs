using Docket.Domain.Cases;
using Docket.Store.Users;

namespace Docket.Web.Auth;

/// <summary>Whether a caller's caseload includes a case.</summary>
public static class CaseAccess
{
    public static bool InCaseload(Caller caller, CaseState state) => caller.Role switch
    {
        UserRoles.Officer or UserRoles.Supervisor => string.Equals(caller.Office, state.Identity?.Office, StringComparison.Ordinal),
        // An attorney sees only cases where they are the attorney of record now.
        UserRoles.Attorney => state.Attorney is { } attorney && string.Equals(attorney.Name, caller.Name, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
