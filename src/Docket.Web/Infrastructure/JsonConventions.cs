using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Docket.Web.Infrastructure;

/// <summary>The wire conventions every area shares: JSON as DESIGN.md writes it, and RFC 9457 problems for every refusal.</summary>
public static class JsonConventions
{
    public static IServiceCollection AddDocketJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => DocketWebApp.ConfigureJson(json.SerializerOptions));
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A request refused while it was read (too large, cut short) keeps its own status and says why.
            if (context.Exception is BadHttpRequestException refused)
            {
                context.ProblemDetails.Detail = refused.Message;
            }

            // Routing's own refusals come without a word; say what to change.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status405MethodNotAllowed => $"This path does not take {context.HttpContext.Request.Method}; the Allow header lists the methods it takes.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with Content-Type: application/json.",
                _ => null,
            };
        });
        services.Configure<ExceptionHandlerOptions>(options => options.StatusCodeSelector = exception =>
            exception is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectedAsync;
        });
        return services;
    }

    /// <summary>A 429 says when to try again (Retry-After, in seconds) and why, as a problem.</summary>
    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            title: "Too many requests",
            detail: $"Too many requests from your address for this endpoint; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
