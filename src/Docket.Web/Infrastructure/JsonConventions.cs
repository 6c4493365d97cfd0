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
            // Routing's own refusals come without a word; say what to change.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status405MethodNotAllowed => $"This path does not take {context.HttpContext.Request.Method}; the Allow header lists the methods it takes.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with Content-Type: application/json.",
                _ => null,
            };
        });
        // Requests refused while read and an unavailable database are answered by FailureAnswers.
        services.AddExceptionHandler<FailureAnswers>();

        // No endpoint takes a body over the JSON limit, so Kestrel stops reading there for every
        // request, including bodies nobody reads (a 401 before the endpoint): left at Kestrel's
        // default, those were drained up to 30 MB. JsonBody sets the same limit per request.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
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
