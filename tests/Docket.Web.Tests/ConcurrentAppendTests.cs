using System.Collections.Concurrent;
using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>
/// Optimistic concurrency over HTTP: many clients append to one case at once, each retrying a
/// 409 with a fresh read. Nothing acknowledged may be lost and versions may not skip. Runs on
/// SQLite and on PostgreSQL.
/// </summary>
public abstract class ConcurrentAppendTests(DocketServer server)
{
    private const int Appenders = 16;
    private const int MaxAttempts = 200;

    [Fact]
    public async Task Sixteen_concurrent_appenders_retrying_on_409_lose_nothing_and_leave_versions_gap_free()
    {
        var api = server.AsOfficer;
        var digits = server.NewANumber();
        await api.OpenAsync(digits);
        var acknowledged = new ConcurrentDictionary<int, int>();
        using var start = new SemaphoreSlim(0, Appenders);

        async Task AppendAsync(int appender)
        {
            await start.WaitAsync();
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var read = await api.GetAsync(digits);
                using var response = await api.PostEventRawAsync(digits, Bodies.AddressChange($"{appender} Concurrency Court, Springfield"), read.ETag);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    var problem = await Json.ProblemAsync(response, HttpStatusCode.Conflict);
                    Assert.True(problem.GetProperty("currentVersion").GetInt32() > read.Version, "a conflict reports a newer version");
                    continue;
                }

                var created = await Json.ReadAsync(response, HttpStatusCode.Created);
                Assert.True(acknowledged.TryAdd(created.GetProperty("version").GetInt32(), appender), "two appends were acknowledged at one version");
                return;
            }

            Assert.Fail($"appender {appender} did not get its event in after {MaxAttempts} attempts");
        }

        var appenders = Enumerable.Range(1, Appenders).Select(AppendAsync).ToList();
        start.Release(Appenders);
        await Task.WhenAll(appenders).WaitAsync(TimeSpan.FromSeconds(90));

        var final = await api.GetAsync(digits);
        Assert.Equal(Appenders + 1, final.Version);
        Assert.Equal(Enumerable.Range(1, Appenders + 1), final.Events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal(Appenders, acknowledged.Count);
        foreach (var (version, appender) in acknowledged)
        {
            var @event = final.Events[version - 1];
            Assert.Equal("MailingAddressChanged", @event.GetProperty("type").GetString());
            Assert.Equal($"{appender} Concurrency Court, Springfield", @event.GetProperty("fields").GetProperty("address").GetString());
        }

        for (var i = 1; i < final.Events.Count; i++)
        {
            Assert.Equal(final.Events[i - 1].GetProperty("hash").GetString(), final.Events[i].GetProperty("prevHash").GetString());
        }

        Assert.Equal(Enumerable.Range(1, Appenders).ToHashSet(), acknowledged.Values.ToHashSet());
    }
}

public sealed class ConcurrentAppendOnSqlite(SqliteServer server) : ConcurrentAppendTests(server), IClassFixture<SqliteServer>;

public sealed class ConcurrentAppendOnPostgres(PostgresServer server) : ConcurrentAppendTests(server), IClassFixture<PostgresServer>;
