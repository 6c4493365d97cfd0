using Docket.Domain.Calendar;
using Docket.Store;
using Docket.Web;
using Docket.Web.Audit;
using Microsoft.AspNetCore.Builder;
using NodaTime;
using NodaTime.Testing;

namespace Docket.Testing;

/// <summary>
/// How to start a real Docket web host for a test: which database, clock, calendar, checkpoint
/// settings and environment. Every property has a test default; <see cref="StartAsync"/> starts
/// the host on Kestrel at 127.0.0.1, port 0 (a free port).
/// </summary>
public sealed class TestServerBuilder
{
    /// <summary>A fresh <see cref="TestDatabase"/> of this kind, removed with the server (unless <see cref="Database"/> is given).</summary>
    public DatabaseKind Kind { get; init; } = DatabaseKind.Sqlite;

    /// <summary>An existing database to serve instead of a fresh one; its owner removes it, the server does not.</summary>
    public DatabaseTarget? Database { get; init; }

    /// <summary>The host's clock; by default a <see cref="FakeClock"/> at <see cref="TestServer.Now"/>.</summary>
    public IClock Clock { get; init; } = new FakeClock(TestServer.Now);

    /// <summary>The court calendar; null reads it from configuration, as production does.</summary>
    public CourtCalendar? Calendar { get; init; }

    /// <summary>
    /// Checkpoint schedule and key. A null <see cref="CheckpointSettings.KeyPath"/> (or null settings)
    /// puts the key in the server's private folder (<see cref="TestServer.KeyPath"/>), removed with it.
    /// </summary>
    public CheckpointSettings? Checkpoints { get; init; }

    public string Environment { get; init; } = "Testing";

    /// <summary>False: no background statistics catch-up (see <see cref="DocketWebOptions.MaintainsStatistics"/>; the benchmark's comparison run).</summary>
    public bool MaintainsStatistics { get; init; } = true;

    /// <summary>Runs on the built host before it starts, e.g. to map an endpoint the test needs.</summary>
    public Action<WebApplication>? BeforeStart { get; init; }

    public async Task<TestServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("docket-server-").FullName;
        TestDatabase? database = null;
        WebApplication? app = null;
        try
        {
            if (Database is null)
            {
                database = await TestDatabase.CreateAsync(Kind);
            }

            var options = new DocketWebOptions
            {
                Database = Database ?? database!.Target,
                Urls = "http://127.0.0.1:0",
                Clock = Clock,
                Calendar = Calendar,
                Environment = Environment,
                MaintainsStatistics = MaintainsStatistics,
                Checkpoints = (Checkpoints ?? new CheckpointSettings()) with
                {
                    KeyPath = Checkpoints?.KeyPath ?? Path.Combine(folder, TestServer.KeyFileName),
                },
            };
            app = await DocketWebApp.CreateAsync(options);
            BeforeStart?.Invoke(app);
            await app.StartAsync();
            return new TestServer(app, options, database, folder);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }

            TempFolder.Delete(folder);
            throw;
        }
    }
}
