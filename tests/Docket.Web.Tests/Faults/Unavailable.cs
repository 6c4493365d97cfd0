using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Faults;

/// <summary>What every fault test checks of an answer given while the database is unavailable.</summary>
public static class Unavailable
{
    /// <summary>
    /// A 503 problem that says the database is unavailable, names the cause (one of
    /// <paramref name="causes"/>) and carries Retry-After in seconds; returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, params string[] causes)
    {
        var problem = await Json.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The database is unavailable", problem.Text("title"));
        var cause = problem.Text("cause");
        Assert.True(causes.Contains(cause), $"cause '{cause}' is not one of {string.Join(", ", causes)}: {problem}");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"a 503 says when to try again (Retry-After), got '{response.Headers.RetryAfter}'");
        return problem;
    }
}
