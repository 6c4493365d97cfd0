using System.Security.Claims;

namespace Docket.Web.Auth;

/// <summary>
/// Who is calling, as their token says: a user (officer, supervisor, attorney, auditor) or a
/// person signed in to self-service for their one case.
/// </summary>
public sealed record Caller(string Name, string Role, string? Office, string? BarNumber, string? SelfServiceANumber)
{
    public const string OfficeClaim = "docket:office";
    public const string BarNumberClaim = "docket:bar-number";
    public const string CaseClaim = "docket:case";
    public const string SelfServiceRole = "self-service";

    public static Caller From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No authenticated user."),
        principal.FindFirstValue(ClaimTypes.Role) ?? "",
        principal.FindFirstValue(OfficeClaim),
        principal.FindFirstValue(BarNumberClaim),
        principal.FindFirstValue(CaseClaim));
}
