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
            return sessions.Check(token) switch
            {
                { ANumber: { } aNumber } => Success([new(ClaimTypes.Name, Caller.SelfServiceRole), new(ClaimTypes.Role, Caller.SelfServiceRole), new(Caller.CaseClaim, aNumber)]),
                { Expired: true } => AuthenticateResult.Fail("The self-service session has ended (sessions last 30 minutes); sign in again."),
                _ => AuthenticateResult.Fail("The self-service session is not one this server issued (or the server restarted since); sign in again."),
            };
        }

        var user = await users.FindByTokenAsync(token, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail(await users.WhyRefusedAsync(token, Context.RequestAborted) switch
            {
                TokenRefusal.Revoked => "The token was revoked; ask an administrator for a new one (`docket users add`).",
                TokenRefusal.Expired => "The token has expired; ask an administrator for a new one (`docket users add`).",
                _ => "The token is not known to this database: check that it was copied whole and that it was issued (`docket users add`) for the database this server uses.",
            });
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
        // A token was sent but refused: say why, so a caller with a stale or foreign token knows
        // what to fix. With no token at all, say how to send one.
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refused is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Results.Problem(
            title: refused is null ? "Sign-in required" : "The token was not accepted",
            detail: refused ?? "Send Authorization: Bearer TOKEN with a token from `docket users add` (or a self-service session).",
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
