using System.Threading.Channels;
using Docket.Domain.Statistics;
using Docket.Store.Audit;
using Docket.Store.Cases;
using Docket.Store.Statistics;
using NodaTime;
using NodaTime.Text;

namespace Docket.Store.Events;

/// <summary>
/// The single writer of the event log. Appends queue here and are written in batches, one
/// transaction per batch (group commit), so many concurrent callers share one durable commit.
/// Positions are assigned inside the transaction while it holds the database's write lock,
/// which keeps them gap-free and in commit order even with another process writing.
/// A caller's task completes only after its batch has committed.
/// </summary>
public sealed class EventWriter : IAsyncDisposable
{
    // Bounds on one transaction: an import fills them, concurrent API clients rarely come near.
    private const int MaxBatch = 1024;
    private const int MaxBatchEvents = 8192;
    private static readonly InstantPattern RecordedAtPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    private readonly DocketDatabase database;
    private readonly IClock clock;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private readonly StreamHeads streamHeads = new();

    public EventWriter(DocketDatabase database, IClock clock)
    {
        this.database = database;
        this.clock = clock;
        loop = Task.Run(RunAsync);
    }

    public static string FormatRecordedAt(Instant instant) => RecordedAtPattern.Format(instant);

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(request);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The event writer has stopped.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var events = 0;
            while (batch.Count < MaxBatch && events < MaxBatchEvents && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                events += next.Request.Events.Count;
            }

            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var results = await WriteAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad request (or a race with another process) must not fail its neighbours:
            // retry each on its own, so only the culprit sees the error.
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task<AppendResult[]> WriteAsync(List<Pending> batch)
    {
        try
        {
            return await WriteOnceAsync(batch);
        }
        catch
        {
            // Whatever failed, the cached heads may no longer match the log.
            streamHeads.Forget();
            throw;
        }
    }

    private async Task<AppendResult[]> WriteOnceAsync(List<Pending> batch)
    {
        await using var connection = await database.OpenConnectionAsync();
        // One writer at a time across processes (SQLite's BEGIN IMMEDIATE; on PostgreSQL the
        // advisory lock, the first of the batch's reads): positions follow commit order.
        await using var turn = await database.TakeWriteTurnAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var aNumbers = batch.Select(p => p.Request.ANumber).Distinct(StringComparer.Ordinal).ToList();
        var counted = batch.Where(p => p.Request.Statistics is not null).Select(p => p.Request.ANumber).Distinct(StringComparer.Ordinal).ToList();
        var reads = await BatchReads.ReadAsync(connection, transaction, streamHeads, aNumbers, counted);
        var position = reads.LogEnd;
        var logSizeBefore = position;
        var heads = reads.Heads;
        var recordedAt = FormatRecordedAt(clock.GetCurrentInstant());
        var rows = new List<EventRow>();
        // One summary a case: a later request for the same case in this batch supersedes an earlier one.
        var summaries = new Dictionary<string, CaseRow>(StringComparer.Ordinal);
        // Likewise each case's statistics; the batch is counted here only if every request brought them.
        var statistics = new Dictionary<string, CaseContribution>(StringComparer.Ordinal);
        var everyContribution = true;
        var results = new AppendResult[batch.Count];

        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i].Request;
            var head = heads[request.ANumber];
            if (head.Version != request.ExpectedVersion)
            {
                results[i] = new AppendResult.Conflict(head.Version);
                continue;
            }

            var written = new List<EventRow>(request.Events.Count);
            foreach (var pending in request.Events)
            {
                var row = new EventRow
                {
                    Position = ++position,
                    ANumber = request.ANumber,
                    Version = head.Version + 1,
                    Type = pending.Type,
                    EffectiveOn = pending.On,
                    RecordedAt = pending.RecordedAt ?? recordedAt,
                    RecordedBy = pending.RecordedBy ?? request.RecordedBy,
                    Payload = pending.Payload,
                    PrevHash = head.Hash,
                    Hash = [],
                };
                row.Hash = EventHash.Compute(row);
                head = (row.Version, row.Hash);
                written.Add(row);
            }

            heads[request.ANumber] = head;
            rows.AddRange(written);
            if (request.Summary is { } summary)
            {
                summary.Version = head.Version;
                summaries[request.ANumber] = summary;
            }

            if (written.Count > 0)
            {
                if (request.Statistics is { } contribution)
                {
                    statistics[request.ANumber] = contribution;
                }
                else
                {
                    everyContribution = false;
                }
            }

            results[i] = new AppendResult.Appended(head.Version, position, written);
        }

        // On PostgreSQL the writes go together, one round trip (a large batch's rows by COPY before them).
        var writes = new Statements();
        await EventRowInserter.InsertAsync(connection, transaction, rows, writes);
        if (rows.Count > 0)
        {
            // The new leaves of the Merkle tree commit with the events, so checkpoints never wait on them.
            if (reads.Frontier is { } frontier)
            {
                await MerkleNodeWriter.InsertAsync(connection, transaction, MerkleNodeWriter.Extend(frontier, rows), writes, CancellationToken.None);
            }
            else
            {
                await MerkleNodeWriter.ExtendAsync(connection, transaction, logSizeBefore, rows);
            }
        }

        await CaseSummaryWriter.UpsertManyAsync(connection, transaction, [.. summaries.Values], CancellationToken.None, writes);
        if (rows.Count > 0 && everyContribution && reads.Statistics is { } reading)
        {
            CountedByTheWriter.TryCount(reading, logSizeBefore, position, statistics, writes);
        }

        await writes.ExecuteAsync(connection, transaction, CancellationToken.None);
        await transaction.CommitAsync();
        streamHeads.Committed(position, heads);
        return results;
    }

    private sealed record Pending(AppendRequest Request)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
