using System.Security.Claims;

namespace Docket.Web.Auth;

/// <summary>Who is calling, as the bearer token says.</summary>
public sealed record Caller(string Name, string Role, string? Office)
{
    public const string OfficeClaim = "docket:office";

    public static Caller From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No authenticated user."),
        principal.FindFirstValue(ClaimTypes.Role) ?? "",
        principal.FindFirstValue(OfficeClaim));
}
