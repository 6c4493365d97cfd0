using System.Globalization;
using Docket.Store;
using Docket.Store.Faults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Turns the failures that are not bugs into the answers they deserve, in one place, for every
/// endpoint and for the token check that runs before any of them:
/// a request refused while it was read (bad chunked framing, a body that stops arriving, a body
/// over the limit) keeps Kestrel's status (400, 408, 413) and says why, and Kestrel's plain
/// IOException for a chunk size that overflows is a 400 too; a database that is full,
/// read-only, unreachable or too slow (as the Store classifies it) is a 503 with Retry-After that
/// names the cause. Anything else stays a 500, which is a bug to fix.
/// </summary>
public sealed partial class FailureAnswers(IProblemDetailsService problems, DocketDatabase database, ILogger<FailureAnswers> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        if (exception is BadHttpRequestException refused)
        {
            LogRefused(logger, refused.StatusCode, refused.Message);
            return await WriteAsync(httpContext, exception, refused.StatusCode, title: null, detail: refused.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? JsonBody.TooLarge
                : refused.Message);
        }

        // Kestrel's chunked reader throws a plain IOException for some framing (a chunk size
        // that overflows): still a malformed request, not a server error.
        if (exception is IOException { Source: "Microsoft.AspNetCore.Server.Kestrel.Core" } unreadable)
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, unreadable.Message);
            return await WriteAsync(httpContext, exception, StatusCodes.Status400BadRequest, title: null, detail: $"The request body could not be read: {unreadable.Message}");
        }

        if (DatabaseFailures.Classify(exception) is { } unavailable)
        {
            LogUnavailable(logger, unavailable.CauseName, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            if (unavailable.Cause is not (UnavailableCause.Busy or UnavailableCause.TimedOut))
            {
                // Connections from before the fault would outlast it (read-only, or broken).
                database.ForgetConnections();
            }

            httpContext.Response.Headers.RetryAfter = unavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return await WriteAsync(
                httpContext,
                exception,
                StatusCodes.Status503ServiceUnavailable,
                title: "The database is unavailable",
                detail: $"{char.ToUpperInvariant(unavailable.Description[0])}{unavailable.Description[1..]}. Docket shows no case it cannot log the reading of, "
                    + $"and records no change it cannot store; try again in {unavailable.RetryAfterSeconds} seconds. "
                    + "If you sent a change, read the case before sending it again: If-Match keeps a repeat from being recorded twice.",
                extensions: new Dictionary<string, object?> { ["cause"] = unavailable.CauseName });
        }

        return false;
    }

    private async ValueTask<bool> WriteAsync(HttpContext http, Exception exception, int status, string? title, string detail, Dictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A request was refused while it was read ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable ({Cause}); {Method} {Path} was answered 503: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string cause, string method, string path, string reason);
}
