using System.Security.Claims;
using Docket.Store.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Docket.Web.Pages;

/// <summary>
/// The staff pages' session: a cookie, for pages only (the API accepts bearer tokens and nothing
/// else, so a page's cookie can never call the API on a person's behalf). HttpOnly,
/// SameSite=Strict, Secure whenever the request came over HTTPS, and it lapses after 20 minutes
/// without a request. Every request checks that the user is still active, so a revoked user is
/// signed out at their next click.
/// </summary>
public static class StaffCookie
{
    public const string Scheme = "staff-cookie";

    public const string CookieName = "docket.staff";

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
        options.LoginPath = "/";
        options.LogoutPath = "/sign-out";
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnRedirectToAccessDenied = context =>
        {
            // A page the role may not see is a 403, as the API answers: no redirect to a page that says so.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
            var credentials = context.HttpContext.RequestServices.GetRequiredService<StaffCredentials>();
            if (name is null || !await credentials.IsActiveAsync(name, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }
}
