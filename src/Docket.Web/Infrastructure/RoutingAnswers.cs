namespace Docket.Web.Infrastructure;

/// <summary>
/// Answers what routing already knows, before anyone is authenticated, the same for every
/// caller: a path no endpoint has is 404; a known path with the wrong method is 405, and a body
/// that is not JSON sent to a JSON endpoint is 415 (routing's own rejection endpoints). Without
/// this, those requests reached the deny-by-default fallback policy and were answered 401 or
/// 403, which told a caller with a typo that they lacked a permission.
/// </summary>
public static class RoutingAnswers
{
    public static IApplicationBuilder UseRoutingAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        switch (context.GetEndpoint())
        {
            case null:
                await Results.Problem(
                    title: "Not found",
                    detail: "No endpoint of the Docket API has this path. The API is described at /openapi/v1.json (and /scalar).",
                    statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
                return;
            case RouteEndpoint:
                await next();
                return;
            case { RequestDelegate: { } rejection }:
                // 405 Method Not Allowed (with Allow) or 415 Unsupported Media Type; the status
                // code pages turn the empty answer into a problem.
                await rejection(context);
                return;
            default:
                await next();
                return;
        }
    });
}
