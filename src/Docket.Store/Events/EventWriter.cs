using System.Data.Common;
using System.Threading.Channels;
using Docket.Store.Audit;
using Docket.Store.Cases;
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
    private const int MaxBatch = 512;
    private const int RowsPerInsert = 200;
    private static readonly InstantPattern RecordedAtPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    private readonly DocketDatabase database;
    private readonly IClock clock;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

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
            while (batch.Count < MaxBatch && events < MaxBatch * 4 && queue.Reader.TryRead(out var next))
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
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (database.IsPostgres)
        {
            // One writer at a time across processes: positions follow commit order.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7140541)");
        }

        var position = Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM events"), System.Globalization.CultureInfo.InvariantCulture);
        var logSizeBefore = position;
        var heads = new Dictionary<string, (int Version, byte[] Hash)>(StringComparer.Ordinal);
        var recordedAt = FormatRecordedAt(clock.GetCurrentInstant());
        var rows = new List<EventRow>();
        var summaries = new List<CaseRow>();
        var results = new AppendResult[batch.Count];

        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i].Request;
            if (!heads.TryGetValue(request.ANumber, out var head))
            {
                head = await ReadHeadAsync(connection, transaction, request.ANumber);
            }

            if (head.Version != request.ExpectedVersion)
            {
                results[i] = new AppendResult.Conflict(head.Version);
                heads[request.ANumber] = head;
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
                summaries.Add(summary);
            }

            results[i] = new AppendResult.Appended(head.Version, position, written);
        }

        for (var offset = 0; offset < rows.Count; offset += RowsPerInsert)
        {
            await InsertEventsAsync(connection, transaction, rows.Skip(offset).Take(RowsPerInsert).ToList());
        }

        if (rows.Count > 0)
        {
            // The new leaves of the Merkle tree commit with the events, so checkpoints never wait on them.
            await MerkleNodeWriter.ExtendAsync(connection, transaction, logSizeBefore, rows);
        }

        foreach (var summary in summaries)
        {
            await UpsertSummaryAsync(connection, transaction, summary);
        }

        await transaction.CommitAsync();
        return results;
    }

    private static async Task<(int Version, byte[] Hash)> ReadHeadAsync(DbConnection connection, DbTransaction transaction, string aNumber)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, hash FROM events WHERE a_number = @a ORDER BY version DESC LIMIT 1";
        AddParameter(command, "@a", aNumber);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetInt32(0), (byte[])reader.GetValue(1))
            : (0, EventHash.Genesis.ToArray());
    }

    private static async Task InsertEventsAsync(DbConnection connection, DbTransaction transaction, List<EventRow> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            values.Add($"(@p{i},@a{i},@v{i},@t{i},@o{i},@ra{i},@rb{i},@pl{i},@ph{i},@h{i})");
            AddParameter(command, $"@p{i}", r.Position);
            AddParameter(command, $"@a{i}", r.ANumber);
            AddParameter(command, $"@v{i}", r.Version);
            AddParameter(command, $"@t{i}", r.Type);
            AddParameter(command, $"@o{i}", r.EffectiveOn);
            AddParameter(command, $"@ra{i}", r.RecordedAt);
            AddParameter(command, $"@rb{i}", r.RecordedBy);
            AddParameter(command, $"@pl{i}", r.Payload);
            AddParameter(command, $"@ph{i}", r.PrevHash);
            AddParameter(command, $"@h{i}", r.Hash);
        }

        command.CommandText = "INSERT INTO events (position, a_number, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash) VALUES "
            + string.Join(',', values);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task UpsertSummaryAsync(DbConnection connection, DbTransaction transaction, CaseRow summary)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO cases (a_number, family_name, given_names, date_of_birth, citizenship, office, stage, version, access_code_hash, attorney_bar_number, next_hearing_on)
            VALUES (@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)
            ON CONFLICT (a_number) DO UPDATE SET family_name = excluded.family_name, given_names = excluded.given_names,
              date_of_birth = excluded.date_of_birth, citizenship = excluded.citizenship, office = excluded.office,
              stage = excluded.stage, version = excluded.version, attorney_bar_number = excluded.attorney_bar_number,
              next_hearing_on = excluded.next_hearing_on
            """;
        AddParameter(command, "@a", summary.ANumber);
        AddParameter(command, "@fn", summary.FamilyName);
        AddParameter(command, "@gn", summary.GivenNames);
        AddParameter(command, "@dob", summary.DateOfBirth);
        AddParameter(command, "@c", summary.Citizenship);
        AddParameter(command, "@o", summary.Office);
        AddParameter(command, "@s", summary.Stage);
        AddParameter(command, "@v", summary.Version);
        AddParameter(command, "@ac", summary.AccessCodeHash);
        AddParameter(command, "@bar", (object?)summary.AttorneyBarNumber ?? DBNull.Value);
        AddParameter(command, "@nh", (object?)summary.NextHearingOn ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record Pending(AppendRequest Request)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
