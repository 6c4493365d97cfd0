using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Docket.Web.Pages;

/// <summary>Who is signed in to the staff pages in this request, if anyone.</summary>
public static class StaffSession
{
    public static bool IsSignedIn(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity is { IsAuthenticated: true, AuthenticationType: StaffCookie.Scheme } && http.User.FindFirstValue(ClaimTypes.Role) is not null;
    }

    /// <summary>
    /// For page paths only: a valid staff cookie becomes the request's user, so pages open to
    /// everyone (the start page, the rules) know who is signed in. API paths never look at it.
    /// </summary>
    public static IApplicationBuilder UseStaffSession(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            var result = await context.AuthenticateAsync(StaffCookie.Scheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
        }

        await next();
    });
}
