using System.Threading.Channels;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Access;

/// <summary>What to find in the access log; every filter is optional.</summary>
public sealed record AccessLogQuery(string? ANumber = null, string? UserName = null, bool? BreakGlass = null, string? Outcome = null, long? AfterId = null, int Limit = 100);

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
    private readonly Channel<(AccessLogRow Row, TaskCompletionSource Done)> queue = Channel.CreateUnbounded<(AccessLogRow, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public AccessLog(DocketDatabase database, IClock clock)
    {
        this.database = database;
        this.clock = clock;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Records one access; <paramref name="row"/>.At is set to now.</summary>
    public Task RecordAsync(AccessLogRow row, CancellationToken cancellationToken = default)
    {
        row.At = EventWriter.FormatRecordedAt(clock.GetCurrentInstant());
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((row, done)))
        {
            throw new InvalidOperationException("The access log has stopped.");
        }

        return done.Task.WaitAsync(cancellationToken);
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
        await using var context = database.CreateContext();
        var rows = context.AccessLog.AsNoTracking();
        if (query.ANumber is { } a)
        {
            rows = rows.Where(r => r.ANumber == a);
        }

        if (query.UserName is { } user)
        {
            rows = rows.Where(r => r.UserName == user);
        }

        if (query.BreakGlass is { } breakGlass)
        {
            rows = rows.Where(r => r.BreakGlass == breakGlass);
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.Outcome == outcome);
        }

        if (query.AfterId is { } after)
        {
            rows = rows.Where(r => r.Id > after);
        }

        return await rows.OrderBy(r => r.Id).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<(AccessLogRow Row, TaskCompletionSource Done)>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await using var context = database.CreateContext();
                context.AccessLog.AddRange(batch.Select(b => b.Row));
                await context.SaveChangesAsync();
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
