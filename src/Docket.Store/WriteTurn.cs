using System.Collections.Concurrent;

namespace Docket.Store;

/// <summary>
/// The right to write to one SQLite file next, among the writers of this process (the event
/// writer, the access log, the statistics projection, checkpoints, imports). Each takes its turn
/// here before it begins its <c>BEGIN IMMEDIATE</c> transaction and gives it back after its
/// commit. Without it the second of two writers meets SQLite's lock, and Microsoft.Data.Sqlite
/// retries a busy statement only after sleeping 150 ms on its thread: a 10 ms transaction ahead
/// cost the next writer 150 ms and a blocked thread (measured in bench/ANALYSIS.md). A turn is
/// handed on the moment the lock is free.
/// <para>
/// Only scheduling depends on it, never correctness: SQLite's own lock still excludes writers
/// of other processes (they keep the library's retry), and a writer that waits longer than the
/// database's busy timeout for its turn goes ahead without one, to meet the lock and its error.
/// On PostgreSQL a turn is nothing: its writers wait on the server's locks, not by sleeping.
/// </para>
/// </summary>
public sealed class WriteTurn : IDisposable, IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    private static readonly WriteTurn None = new(null);

    private SemaphoreSlim? held;

    private WriteTurn(SemaphoreSlim? held) => this.held = held;

    /// <summary>Waits for this process's turn to write to <paramref name="target"/>.</summary>
    public static async Task<WriteTurn> TakeAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        if (target.Provider != DatabaseProvider.Sqlite)
        {
            return None;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString);
        var gate = Files.GetOrAdd(target.Location, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.FromSeconds(builder.DefaultTimeout), cancellationToken) ? new WriteTurn(gate) : None;
    }

    /// <summary>Gives the turn back; once only, however often it is called.</summary>
    public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
