using Docket.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docket.Web.Health;

/// <summary>The database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(DocketDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Target.Provider} reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{database.Target.Provider} unreachable: {ex.Message}");
        }
    }
}
