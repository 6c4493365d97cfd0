using Docket.Store;
using Docket.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docket.Web.Tests.Health;

/// <summary>The health check asks the Store's probe, and an unreachable database is an unhealthy answer, not an exception.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task An_unreachable_database_is_unhealthy_and_says_so()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        var target = DatabaseTarget.Parse("postgres:Host=127.0.0.1;Port=1;Username=docket;Database=docket;Timeout=3");
        var check = new DatabaseHealthCheck(new DatabaseProbe(new DocketDatabase(target)));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Postgres unreachable", result.Description, StringComparison.Ordinal);
    }
}
