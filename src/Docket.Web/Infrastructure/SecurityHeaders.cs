namespace Docket.Web.Infrastructure;

/// <summary>Headers that keep a browser from sniffing, framing or leaking what Docket serves.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // The API reference page runs its own bundled script; everything else needs none.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            return Task.CompletedTask;
        });
        await next();
    });
}
