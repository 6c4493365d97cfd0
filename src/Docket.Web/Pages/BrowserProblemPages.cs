namespace Docket.Web.Pages;

/// <summary>
/// Writes a refusal or a failure as a plain HTML page when a browser asked for a page (a path no
/// endpoint has, a page the role may not see, a form without its token, a database that is
/// unavailable, a bug). Every other caller keeps the RFC 9457 problem document.
/// </summary>
public sealed class BrowserProblemPages : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context is not null && BrowserRequests.IsBrowser(context.HttpContext);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is no page at this address. Check the address, or go back to the start page."),
            StatusCodes.Status403Forbidden => ("You may not see this page", "Your role does not give access to this page. If you need it, ask your supervisor."),
            StatusCodes.Status401Unauthorized => ("Sign-in required", "Sign in to see this page."),
            >= 500 => (context.ProblemDetails.Title ?? "Something went wrong", context.ProblemDetails.Detail ?? "Docket could not answer this request. Nothing was recorded by it. Try again in a moment; if it keeps happening, tell your administrator the time it happened."),
            _ => (context.ProblemDetails.Title ?? "The request could not be answered", context.ProblemDetails.Detail ?? "Go back and try again."),
        };
        await PageResults.Error(status, title, detail).ExecuteAsync(context.HttpContext);
    }
}
