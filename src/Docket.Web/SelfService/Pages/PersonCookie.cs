using System.Security.Claims;
using Docket.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Docket.Web.SelfService.Pages;

/// <summary>
/// The person's pages' session: ASP.NET Core's cookie, holding only the A-number of their one case
/// (sealed by Data Protection), for pages only. HttpOnly, SameSite=Strict, Secure when the request
/// came over HTTPS; it lapses after 20 minutes without a page view, and sign-out ends it.
/// </summary>
public static class PersonCookie
{
    public const string Scheme = "person-cookie";

    public const string CookieName = "docket.person";

    public const string SignInPath = "/my-case/sign-in";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);

    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnRedirectToLogin = context =>
        {
            // A cookie that was there but has lapsed: say so on the sign-in page.
            var lapsed = context.Request.Cookies.ContainsKey(CookieName);
            context.Response.Redirect(lapsed ? $"{SignInPath}?timedOut=true" : SignInPath);
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// On the person's pages, a valid person cookie becomes the request's user, so the pages open
    /// to everyone (sign-out, why, the language switch) know who is signed in and the antiforgery
    /// token issued to that session is checked against it.
    /// </summary>
    public static IApplicationBuilder UsePersonSession(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/my-case"))
        {
            var result = await context.AuthenticateAsync(Scheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
        }

        await next();
    });

    /// <summary>The same claims a self-service bearer token gives: the role and the one case.</summary>
    public static Task SignInAsync(HttpContext http, string aNumber) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.Name, Caller.SelfServiceRole), new(ClaimTypes.Role, Caller.SelfServiceRole), new(Caller.CaseClaim, aNumber)],
            Scheme)));
}
