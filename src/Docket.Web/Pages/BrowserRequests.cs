namespace Docket.Web.Pages;

/// <summary>
/// Whether a request comes from a person's browser (it asks for HTML and is not for the API),
/// so that a refusal or a failure is answered with a page rather than a problem document.
/// API callers keep RFC 9457 problems, whatever they accept.
/// </summary>
public static class BrowserRequests
{
    public static bool IsBrowser(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi") || http.Request.Path.StartsWithSegments("/scalar"))
        {
            return false;
        }

        return http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
