using System.Net;
using System.Text.Json;
using Docket.Store.Audit;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Audit;

/// <summary>The background service issues checkpoints every N events or T seconds, and only when the log grew.</summary>
public static class Schedule
{
    public static async Task<JsonElement?> WaitForCheckpointAsync(AuditServer server, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, "/api/audit/checkpoints/latest");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var latest = await Json.ReadAsync(response, HttpStatusCode.OK);
                if (done(latest))
                {
                    return latest;
                }
            }

            await Task.Delay(100);
        }

        return null;
    }
}

public sealed class CheckpointsEveryNEvents(EveryThreeEventsServer server) : IClassFixture<EveryThreeEventsServer>
{
    [Fact]
    public async Task Three_new_events_bring_a_checkpoint_covering_them()
    {
        for (var i = 0; i < 3; i++)
        {
            await server.As(server.OfficerToken).OpenAsync(server.NewANumber());
        }

        var latest = await Schedule.WaitForCheckpointAsync(server, c => c.GetProperty("treeSize").GetInt64() >= 3);

        Assert.NotNull(latest);
    }
}

public sealed class CheckpointsEverySeconds(EverySecondServer server) : IClassFixture<EverySecondServer>
{
    [Fact]
    public async Task A_grown_log_gets_a_checkpoint_within_the_interval_and_an_idle_one_gets_none()
    {
        await server.As(server.OfficerToken).OpenAsync(server.NewANumber());

        var latest = await Schedule.WaitForCheckpointAsync(server, c => c.GetProperty("treeSize").GetInt64() >= 1);
        Assert.NotNull(latest);

        // Idle: the tree did not grow, so nothing new is signed however many seconds pass.
        await Task.Delay(2500);
        var store = new CheckpointStore(new Docket.Store.DocketDatabase(server.Database.Target));
        Assert.Equal(1, await store.CountAsync());
    }
}
