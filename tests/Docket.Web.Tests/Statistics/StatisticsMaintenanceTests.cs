using Docket.Store.Statistics;
using Docket.Store.Users;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Statistics;

/// <summary>
/// The one switch the benchmark uses for its comparison run (DocketWebOptions.MaintainsStatistics):
/// a host built without statistics maintenance does not count new events, and the default host does,
/// its own appends as they are written.
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

    [Fact]
    public async Task On_the_default_host_each_append_is_counted_by_the_time_it_is_acknowledged()
    {
        await using var server = await new TestServerBuilder().StartAsync();
        var token = await server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
        var api = new CaseApi(server.Http, token);
        var opened = await api.OpenAsync("208417351");
        Assert.True(await WaitForAsync(async () => (await LagAsync(server)).Events == 0), "the host did not count the new case within 30 s");

        // Level cells: from now on the writer counts each append in its own transaction, so none
        // waits for the next catch-up (every 2 s) to be counted.
        var version = opened.Version;
        for (var i = 0; i < 5; i++)
        {
            version = await api.AppendAsync("208417351", version, Bodies.AddressChange($"{i} Ledger Lane, Queens NY"));
            var lag = await LagAsync(server);
            Assert.True(lag.Events == 0, $"append {i + 1}: the cells count {lag.Position} of {lag.LogEnd} events");
        }
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
