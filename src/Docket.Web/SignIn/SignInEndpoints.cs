using System.Threading.RateLimiting;
using Docket.Store.Staff;
using Docket.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using NodaTime;

namespace Docket.Web.SignIn;

/// <summary>The start page (sign-in form, or the signed-in person's work), sign-in, sign-out and the one-time set-up link.</summary>
public static class SignInEndpoints
{
    /// <summary>Sign-in attempts from one address; the account lockout is the other guard.</summary>
    public const string Limiter = "staff-sign-in";

    /// <summary>Set-up link tries from one address: a token is 256 bits, this only keeps the noise down.</summary>
    public const string SetupLimiter = "staff-setup";

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddSingleton<StaffSignIn>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(Limiter, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddRateLimiter(limiter => limiter.AddPolicy(SetupLimiter, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static void MapSignInPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/", Start).AllowAnonymous();
        pages.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(Limiter);
        pages.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous();
        pages.MapGet("/setup/{token}", SetUpAsync).AllowAnonymous().RequireRateLimiting(SetupLimiter);
        pages.MapPost("/setup/{token}", FinishSetUpAsync).AllowAnonymous().RequireRateLimiting(SetupLimiter);
    }

    private static IResult Start(HttpContext http, string? returnUrl) =>
        StaffSession.IsSignedIn(http)
            ? Results.Redirect("/work")
            : PageResults.Page<SignInPage>(new { ReturnUrl = LocalOnly(returnUrl) });

    private static async Task<IResult> SignInAsync(HttpContext http, StaffSignIn signIn, IClock clock, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? userName = form["userName"];
        var returnUrl = LocalOnly(form["returnUrl"]);
        var outcome = await signIn.CheckAsync(userName, form["password"], form["code"], cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn signedIn:
                await StaffSignIn.SignInAsync(http, signedIn.User);
                return Results.Redirect(returnUrl ?? "/work");
            case SignInOutcome.LockedOut locked:
                var minutes = Math.Max(1, (int)Math.Ceiling((locked.Until - clock.GetCurrentInstant()).TotalMinutes));
                return PageResults.Page<SignInPage>(
                    new { Errors = One($"Too many failed attempts in a row: this account is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}. Wait, then try again." ), UserName = userName, ReturnUrl = returnUrl },
                    StatusCodes.Status429TooManyRequests);
            case SignInOutcome.CodeAlreadyUsed:
                return PageResults.Page<SignInPage>(
                    new { Errors = One("That code was already used. Wait for your authenticator app to show the next code, then sign in with it." ), UserName = userName, ReturnUrl = returnUrl },
                    StatusCodes.Status401Unauthorized);
            default:
                return PageResults.Page<SignInPage>(
                    new { Errors = One($"The user name, password or code is not right. After {StaffSignIn.FailuresBeforeLockout} failed attempts in a row the account is locked for {StaffSignIn.LockoutFor.TotalMinutes:0} minutes." ), UserName = userName, ReturnUrl = returnUrl },
                    StatusCodes.Status401Unauthorized);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(StaffCookie.Scheme);
        return Results.Redirect("/");
    }

    private static async Task<IResult> SetUpAsync(string token, StaffCredentials credentials, CancellationToken cancellationToken) =>
        await credentials.FindSetupAsync(token, cancellationToken) is { } invitation
            ? SetUpPageFor(token, invitation, [])
            : InvalidLink();

    private static async Task<IResult> FinishSetUpAsync(string token, HttpContext http, StaffCredentials credentials, IClock clock, CancellationToken cancellationToken)
    {
        if (await credentials.FindSetupAsync(token, cancellationToken) is not { } invitation)
        {
            return InvalidLink();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? password = form["password"];
        var errors = PasswordRules.Check(password, form["confirmation"], invitation.UserName).ToList();
        var step = TotpCodes.Match(invitation.TotpSecret, form["code"], clock.GetCurrentInstant());
        if (step is null)
        {
            errors.Add("Code: it is not the code your authenticator app shows for this secret now; check the app's clock, or type the secret again.");
        }

        if (errors.Count > 0)
        {
            return SetUpPageFor(token, invitation, errors, StatusCodes.Status422UnprocessableEntity);
        }

        return await credentials.CompleteSetupAsync(token, StaffSignIn.HashPassword(invitation.UserName, password!), step!.Value, cancellationToken)
            ? PageResults.Page<SetUpDonePage>(new { invitation.UserName })
            : InvalidLink();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult SetUpPageFor(string token, SetupInvitation invitation, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        PageResults.Page<SetUpPage>(
            new
            {
                Token = token,
                invitation.UserName,
                Secret = TotpCodes.Grouped(invitation.TotpSecret),
                QrSvg = TotpCodes.QrSvg(TotpCodes.OtpAuthUri(invitation.UserName, invitation.TotpSecret)),
                Errors = errors,
            },
            status);

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult InvalidLink() =>
        PageResults.Error(StatusCodes.Status404NotFound, "This set-up link does not work", "It was used already, it has expired, or it was not copied whole. Ask your administrator for a new one (docket users add, or docket users setup-link).");

    private static IReadOnlyList<string> One(string error) => [error];

    /// <summary>Only a path on this site: never a redirect to somewhere else.</summary>
    internal static string? LocalOnly(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;
}
