using System.Net;
using NodaTime;
using Docket.Web.Statistics;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Statistics;

/// <summary>
/// How the statistics are served: answers are cached (the rate limit and the schedule have
/// servers of their own, below).
/// </summary>
public sealed class StatisticsServingTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_repeated_question_is_answered_from_the_cache()
    {
        await server.DepartAsync("CAN", "2025-05-20");
        await server.Publisher().IssueAsync();
        using var first = await server.As(null).SendAsync(HttpMethod.Get, "/api/stats/departures?by=kind&from=2025-05-01&to=2025-05-31");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await server.As(null).SendAsync(HttpMethod.Get, "/api/stats/departures?by=kind&from=2025-05-01&to=2025-05-31");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, "the second answer did not come from the output cache (no Age header)");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_page_is_served_from_the_cache_until_the_next_release_is_issued()
    {
        await server.DepartAsync("PER", "2025-05-21");
        var first = (await server.Publisher().IssueAsync()).Release.Summary.Number;
        using var drawn = await server.As(null).SendAsync(HttpMethod.Get, "/statistics");
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        using var again = await server.As(null).SendAsync(HttpMethod.Get, "/statistics");
        Assert.True(again.Headers.Age is not null, "the second page did not come from the output cache (no Age header)");
        Assert.Contains($"Release {first},", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await server.DepartAsync("PER", "2025-05-22");
        var issued = await server.Publisher().IssueAsync();
        Assert.True(issued.Issued);
        var second = issued.Release.Summary.Number;
        using var fresh = await server.As(null).SendAsync(HttpMethod.Get, "/statistics");
        Assert.Null(fresh.Headers.Age);
        Assert.Contains($"<option value=\"{second}\" selected", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The rate limit, on a server of its own so that no other test spends its requests.</summary>
public sealed class StatisticsRateLimitTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task More_than_100_requests_a_minute_are_answered_and_then_429_with_Retry_After()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < StatisticsApi.RequestsPerMinute + 5 && refused is null; i++)
        {
            var response = await server.As(null).SendAsync(HttpMethod.Get, "/api/stats/releases");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.True(statuses.Take(100).All(s => s == HttpStatusCode.OK), string.Join(",", statuses.Take(100)));
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await Json.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        }
    }
}

/// <summary>The monthly schedule, on a server of its own because it moves the server's clock.</summary>
public sealed class StatisticsScheduleTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        return default;
    }

    // Asked of the store, not over HTTP, so the polling spends none of the address's requests.
    private Task<string?> LatestThroughAsync() => WaitForAsync(async () =>
        (await server.Publisher().Releases.GetAsync(null))?.Summary.ThroughMonth);

    [Fact]
    public async Task A_release_is_issued_on_its_own_once_a_month_is_complete()
    {
        await server.DepartAsync("CAN", "2025-05-12");
        Assert.Equal("2025-05", await LatestThroughAsync());

        server.Clock.Reset(Instant.FromUtc(2025, 7, 1, 15, 0));
        try
        {
            Assert.Equal("2025-06", await WaitForAsync(async () => await LatestThroughAsync() is "2025-06" ? "2025-06" : null));
        }
        finally
        {
            server.Clock.Reset(DocketServer.Now);
        }
    }
}
