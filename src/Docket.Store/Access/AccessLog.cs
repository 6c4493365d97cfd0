using System.Threading.Channels;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Access;

/// <summary>What to find in the access log; every filter is optional.</summary>
public sealed record AccessLogQuery(string? ANumber = null, string? UserName = null, bool? BreakGlass = null, string? Outcome = null, long? AfterId = null, int Limit = 100)
{
    /// <summary>The office the reader was in when they read.</summary>
    public string? Office { get; init; }

    /// <summary>Entries at or after this instant (text as <see cref="AccessLogRow.At"/>).</summary>
    public string? FromAt { get; init; }

    /// <summary>Entries strictly before this instant (text as <see cref="AccessLogRow.At"/>).</summary>
    public string? BeforeAt { get; init; }

    /// <summary>Entries with a smaller id (paging backwards, newest first).</summary>
    public long? BeforeId { get; init; }

    /// <summary>Newest first (the pages); the API pages oldest first with <see cref="AfterId"/>.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>
/// The access log: every read of a case, recorded before the data is returned. Entries queue
/// and are written in batches, one transaction a batch, like the event log, so that logging
/// every read does not make reads slow; a read's task completes only once its entry is durable.
/// </summary>
public sealed class AccessLog : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly DocketDatabase database;
    private readonly IClock clock;
    private readonly Channel<(IReadOnlyList<AccessLogRow> Rows, TaskCompletionSource Done)> queue = Channel.CreateUnbounded<(IReadOnlyList<AccessLogRow>, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public AccessLog(DocketDatabase database, IClock clock)
    {
        this.database = database;
        this.clock = clock;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Records one access; <paramref name="row"/>.At is set to now.</summary>
    public Task RecordAsync(AccessLogRow row, CancellationToken cancellationToken = default) =>
        RecordAllAsync([row], cancellationToken);

    /// <summary>
    /// Records the reads of several cases shown at once (a list, a page of search results): each
    /// row's At is set to the same now, and the task completes once all of them are durable. One
    /// completion for the whole list rather than one per case: a page of My work logs about a
    /// hundred reads, and a completion, its continuation and its cancellation each per entry were
    /// a measurable part of the page's allocations.
    /// </summary>
    public Task RecordAllAsync(IReadOnlyList<AccessLogRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var at = EventWriter.FormatRecordedAt(clock.GetCurrentInstant());
        foreach (var row in rows)
        {
            row.At = at;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((rows, done)))
        {
            throw new InvalidOperationException("The access log has stopped.");
        }

        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    /// <summary>The latest entries about one case, newest first (the staff case page's "who read this case").</summary>
    public async Task<IReadOnlyList<AccessLogRow>> LatestForCaseAsync(string aNumber, int limit, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.AccessLog.AsNoTracking()
            .Where(r => r.ANumber == aNumber)
            .OrderByDescending(r => r.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessLogRow>> QueryAsync(AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var context = database.CreateContext();
        var rows = Filter(context.AccessLog.AsNoTracking(), query);
        rows = query.NewestFirst ? rows.OrderByDescending(r => r.Id) : rows.OrderBy(r => r.Id);
        return await rows.Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every entry that matches, oldest first, without a limit, read as the caller consumes them
    /// (the CSV download): the rows are never all held in memory.
    /// </summary>
    public async IAsyncEnumerable<AccessLogRow> StreamAsync(AccessLogQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var context = database.CreateContext();
        await foreach (var row in Filter(context.AccessLog.AsNoTracking(), query).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IQueryable<AccessLogRow> Filter(IQueryable<AccessLogRow> rows, AccessLogQuery query)
    {
        if (query.ANumber is { } a)
        {
            rows = rows.Where(r => r.ANumber == a);
        }

        if (query.UserName is { } user)
        {
            rows = rows.Where(r => r.UserName == user);
        }

        if (query.Office is { } office)
        {
            rows = rows.Where(r => r.Office == office);
        }

        if (query.BreakGlass is { } breakGlass)
        {
            // A constant, not a parameter, so that the planner can use the partial index of break-glass reads.
            rows = breakGlass ? rows.Where(r => r.BreakGlass) : rows.Where(r => !r.BreakGlass);
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.Outcome == outcome);
        }

        // The instants are fixed-width UTC text, so their order as text is their order in time.
        if (query.FromAt is { } from)
        {
            rows = rows.Where(r => string.Compare(r.At, from) >= 0);
        }

        if (query.BeforeAt is { } before)
        {
            rows = rows.Where(r => string.Compare(r.At, before) < 0);
        }

        if (query.AfterId is { } after)
        {
            rows = rows.Where(r => r.Id > after);
        }

        if (query.BeforeId is { } beforeId)
        {
            rows = rows.Where(r => r.Id < beforeId);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<(IReadOnlyList<AccessLogRow> Rows, TaskCompletionSource Done)>();
        var rows = new List<AccessLogRow>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            rows.Clear();

            // Whole lists only: a list's entries are written in one transaction or none of them.
            while (rows.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows.AddRange(next.Rows);
            }

            try
            {
                await AccessLogInserter.InsertAsync(database, rows);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // A read whose access cannot be logged must not be served.
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }
}
