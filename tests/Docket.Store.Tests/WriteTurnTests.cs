using Docket.Store.Access;
using Docket.Store.Tests.Infrastructure;

namespace Docket.Store.Tests;

/// <summary>
/// Writers of one SQLite file in one process take turns before SQLite's lock, so the next one
/// starts when the lock is free instead of after Microsoft.Data.Sqlite's 150 ms busy sleep (the
/// statistics projection's steps cost the event writer a fifth of its appends that way).
/// </summary>
public sealed class WriteTurnTests() : StoreTestBase(StoreKind.Sqlite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_second_writer_of_the_same_file_waits_for_the_first_writers_turn()
    {
        await WaitsUntilGivenBackAsync(await Db.TakeWriteTurnAsync(), Db.TakeWriteTurnAsync());
    }

    [Fact]
    public async Task The_same_file_named_by_a_relative_path_shares_the_turn()
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Db.Target.ConnectionString).DataSource;
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        Assert.NotEqual(path, relative);

        await WaitsUntilGivenBackAsync(await Db.TakeWriteTurnAsync(), WriteTurn.TakeAsync(DatabaseTarget.Parse("sqlite:" + relative), CancellationToken.None));
    }

    [Fact]
    public async Task A_turn_given_back_twice_is_given_back_once()
    {
        var first = await Db.TakeWriteTurnAsync();
        var second = Db.TakeWriteTurnAsync();
        first.Dispose();
        first.Dispose();
        await WaitsUntilGivenBackAsync(await second.WaitAsync(Patience), Db.TakeWriteTurnAsync());
    }

    [Fact]
    public async Task Writers_of_different_files_do_not_wait_for_each_other()
    {
        using var first = await Db.TakeWriteTurnAsync();
        var other = DatabaseTarget.Parse("sqlite:" + Path.Combine(Path.GetTempPath(), $"docket-turn-{Guid.NewGuid():N}.db"));
        using var second = await WriteTurn.TakeAsync(other, CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task PostgreSQL_writers_take_no_turn_in_the_process()
    {
        var target = DatabaseTarget.Parse("postgres:Host=127.0.0.1;Database=none");
        using var first = await WriteTurn.TakeAsync(target, CancellationToken.None);
        using var second = await WriteTurn.TakeAsync(target, CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_writer_that_waited_past_the_busy_timeout_goes_ahead_and_gives_back_no_turn_it_did_not_take()
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Db.Target.ConnectionString).DataSource;
        var impatient = new DatabaseTarget(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 1 }.ConnectionString);
        var first = await Db.TakeWriteTurnAsync();

        var late = await WriteTurn.TakeAsync(impatient, CancellationToken.None).WaitAsync(Patience);
        late.Dispose();

        // The first writer's turn is still its own: a third writer still waits for it.
        await WaitsUntilGivenBackAsync(first, Db.TakeWriteTurnAsync());
    }

    [Fact]
    public async Task Appends_and_access_log_entries_wait_for_a_turn_held_elsewhere_and_then_commit()
    {
        await using var log = new AccessLog(Db, Clock);
        var turn = await Db.TakeWriteTurnAsync();
        var opening = OpenCaseAsync("200000001");
        var read = log.RecordAsync(new AccessLogRow { At = "", UserName = "off-brin", Role = "officer", Office = "NYC", ANumber = "200000001", Purpose = "case", Outcome = "allowed" });
        await Task.Delay(200);
        Assert.False(opening.IsCompleted);
        Assert.False(read.IsCompleted);

        turn.Dispose();
        await opening.WaitAsync(Patience);
        await read.WaitAsync(Patience);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM events"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM access_log"));
    }

    /// <summary>The waiting turn is not granted while the held one is out, and is once it is given back.</summary>
    private static async Task WaitsUntilGivenBackAsync(WriteTurn held, Task<WriteTurn> waiting)
    {
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        (await waiting.WaitAsync(Patience)).Dispose();
    }
}
