using Docket.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docket.Web.Health;

/// <summary>The database answers a trivial query (asked by the Store's probe).</summary>
public sealed class DatabaseHealthCheck(DatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await probe.ProbeAsync(cancellationToken);
        return result.Reachable ? HealthCheckResult.Healthy(result.Description) : HealthCheckResult.Unhealthy(result.Description);
    }
}
