using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Docket.Web.Health;

public static class HealthApi
{
    public static IServiceCollection AddDocketHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>GET /healthz: liveness and database reachability, open to anyone (no case data).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString().ToLowerInvariant(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
                }));
            },
        }).AllowAnonymous();
        return app;
    }
}
