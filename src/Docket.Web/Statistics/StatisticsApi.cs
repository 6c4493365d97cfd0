using System.Threading.RateLimiting;
using Docket.Store.Statistics;
using Docket.Web.OpenApi;

namespace Docket.Web.Statistics;

/// <summary>
/// The public statistics: no sign-in, at most 120 requests a minute from one address (then 429
/// with Retry-After), answers cached for 30 seconds (and forgotten when a release is issued).
/// </summary>
public static class StatisticsApi
{
    public const string Limiter = "public-statistics";

    public const int RequestsPerMinute = 120;

    internal const string CachePolicy = "public-statistics";

    public static IServiceCollection AddDocketStatistics(this IServiceCollection services, IConfiguration configuration, bool maintain = true)
    {
        services.AddSingleton(StatisticsSettings.Read(configuration));
        services.AddSingleton<StatisticsProjection>();
        services.AddSingleton<StatisticsReleases>();
        services.AddSingleton<StatisticsPublisher>();
        services.AddSingleton<Charts.StatisticsCharts>();
        if (maintain)
        {
            services.AddHostedService<StatisticsService>();
        }

        // The 429 itself (status, Retry-After, problem) is the shared one of JsonConventions.
        services.AddRateLimiter(limiter => limiter.AddPolicy(Limiter, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(TimeSpan.FromSeconds(30))
            .SetVaryByQuery("by", "from", "to", "release")
            .Tag(StatisticsPublisher.CacheTag)));
        return services;
    }

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics").AllowAnonymous().RequireRateLimiting(Limiter).CacheOutput(CachePolicy);
        group.MapGet("/departures", StatisticsEndpoints.Departures)
            .WithName("departureStatistics")
            .ProducesProblems(400, 404, 503)
            .WithSummary("Verified departures by country, month, kind or source")
            .WithDescription("Query: by (country|month|kind|source), from (the first day of a month), to (the last day of a month), release (a number; the latest by default). "
                + "Cells {<by>: value, count[, rate]}; a withheld cell is {<by>: value, count: null, suppressed: true, reason: primary|secondary}. "
                + "live: the current month's national figure, rounded to the nearest 10 and withheld below 11.");
        group.MapGet("/outcomes", StatisticsEndpoints.Outcomes)
            .WithName("outcomeStatistics")
            .ProducesProblems(400, 404, 503)
            .WithSummary("Judge's decisions by fiscal year, court, relief, representation or in absentia")
            .WithDescription("Query: by (year|court|relief|representation|in-absentia), release (a number; the latest by default). Every decision of each fiscal year complete by the release's last month (a release adds outcomes a whole fiscal year at a time, so one release cannot be subtracted from another to isolate a few decisions).");
        group.MapGet("/releases", StatisticsEndpoints.Releases)
            .WithName("listStatisticsReleases")
            .ProducesProblems(503)
            .WithSummary("Statistics releases, the latest first")
            .WithDescription("Each release: number, issuedAt, throughMonth, its note of changes and counting rules. Releases never change; a correction is a new release.");
        return app;
    }
}
