using System.Security.Claims;
using System.Text.Encodings.Web;
using Docket.Store.Users;
using Docket.Web.SelfService;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Docket.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c>: a user's API token (checked against the
/// users table by its hash) or a self-service session token scoped to one case.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserStore users,
    SelfServiceSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Use Authorization: Bearer TOKEN.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (SelfServiceSessions.IsSessionToken(token))
        {
            return sessions.Validate(token) is { } aNumber
                ? Success([new(ClaimTypes.Name, Caller.SelfServiceRole), new(ClaimTypes.Role, Caller.SelfServiceRole), new(Caller.CaseClaim, aNumber)])
                : AuthenticateResult.Fail("The self-service session is unknown or expired; sign in again.");
        }

        var user = await users.FindByTokenAsync(token, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        if (user.Office is not null)
        {
            claims.Add(new Claim(Caller.OfficeClaim, user.Office));
        }

        if (user.BarNumber is not null)
        {
            claims.Add(new Claim(Caller.BarNumberClaim, user.BarNumber));
        }

        return Success(claims);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "Sign-in required",
            detail: "Send Authorization: Bearer TOKEN with a token from `docket users add` (or a self-service session).",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(
            title: "Forbidden",
            detail: "Your role may not do this.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
