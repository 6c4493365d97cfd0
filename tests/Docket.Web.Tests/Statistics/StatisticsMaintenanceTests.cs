using Docket.Store.Statistics;
using Docket.Store.Users;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Statistics;

/// <summary>
/// The one switch the benchmark uses for its comparison run (DocketWebOptions.MaintainsStatistics):
/// a host built without statistics maintenance does not count new events, and the default host does.
/// </summary>
public sealed class StatisticsMaintenanceTests
{
    [Fact]
    public async Task A_host_without_statistics_maintenance_leaves_new_events_uncounted_while_the_default_host_counts_them()
    {
        await using var maintained = await new TestServerBuilder().StartAsync();
        await using var unmaintained = await new TestServerBuilder { MaintainsStatistics = false }.StartAsync();
        foreach (var server in new[] { maintained, unmaintained })
        {
            var token = await server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
            await new CaseApi(server.Http, token).OpenAsync("208417350");
        }

        // The default host catches up every 2 seconds; give it up to 30.
        var counted = await WaitForAsync(async () => (await LagAsync(maintained)).Events == 0);
        Assert.True(counted, "the default host did not count the new case within 30 s");
        // Two more catch-up periods than the maintained host needed: the other still counts nothing.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var lag = await LagAsync(unmaintained);
        Assert.True(lag.LogEnd > 0 && lag.Events == lag.LogEnd, $"the host without maintenance counted {lag.Position} of {lag.LogEnd} events");
    }

    private static Task<ProjectionLag> LagAsync(TestServer server) =>
        server.App.Services.GetRequiredService<StatisticsProjection>().LagAsync();

    private static async Task<bool> WaitForAsync(Func<Task<bool>> probe)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (await probe())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
