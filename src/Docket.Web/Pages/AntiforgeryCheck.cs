using Microsoft.AspNetCore.Antiforgery;

namespace Docket.Web.Pages;

/// <summary>
/// Every form a page posts carries an antiforgery token (<see cref="Shell.FormToken"/>); this
/// filter, on every page endpoint, refuses a POST whose token is missing or wrong with a 400
/// before the handler runs.
/// </summary>
public sealed class AntiforgeryCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return PageResults.Error(
                StatusCodes.Status400BadRequest,
                "The form could not be accepted",
                "The form was missing its security token, or it was from an earlier session. Go back, reload the page and send it again.");
        }

        return await next(context);
    }
}
