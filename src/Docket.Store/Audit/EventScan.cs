using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Docket.Store.Audit;

/// <summary>
/// Reads every event in position order with the leaf the tree stored for it, for
/// <c>docket verify</c>: one statement, so events and leaves come from one snapshot while the
/// server keeps writing; a plain sequential reader copying each column's bytes straight into an
/// <see cref="EventBatch"/>, never building strings; and on tasks of their own, so that reading
/// the next batch and hashing the one before overlap checking this one (two cores do it in
/// about the time of the slowest stage instead of the sum).
/// </summary>
internal static class EventScan
{
    // Batches in flight: enough to ride out jitter between the stages, few enough to keep memory flat.
    private const int Depth = 6;

    // Column order follows the hashed message, so each row is appended left to right.
    private const string Query = """
        SELECT e.position, e.version, e.prev_hash, e.a_number, e.type, e.effective_on, e.recorded_at, e.recorded_by, e.payload, e.hash, n.hash
        FROM events e LEFT JOIN merkle_nodes n ON n.level = 0 AND n."index" = e.position - 1
        ORDER BY e.position
        """;

    private const byte NewLine = (byte)'\n';

    /// <summary>The log as hashed batches; a batch is valid until the loop asks for the next one (it is then reused).</summary>
    public static async IAsyncEnumerable<EventBatch> ReadAsync(DocketDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Three stages, each on its own task: read rows, hash them, check them (the caller). The
        // batches circulate: there are only Depth of them, so a stage that runs ahead waits.
        var free = Channel.CreateBounded<EventBatch>(Depth);
        var read = Channel.CreateBounded<EventBatch>(Depth);
        var hashed = Channel.CreateBounded<EventBatch>(Depth);
        for (var i = 0; i < Depth; i++)
        {
            free.Writer.TryWrite(new EventBatch());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => FillAsync(database, free.Reader, read.Writer, stop.Token), CancellationToken.None);
        var hasher = Task.Run(() => HashAsync(read.Reader, hashed.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in hashed.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
                batch.Clear();
                free.Writer.TryWrite(batch);
            }
        }
        finally
        {
            // The consumer may stop early (an exception, a cancellation): the stages must not outlive it.
            await stop.CancelAsync();
            await Task.WhenAll(reader, hasher);
        }
    }

    // Never throws, as FillAsync.
    private static async Task HashAsync(ChannelReader<EventBatch> input, ChannelWriter<EventBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in input.ReadAllAsync(cancellationToken))
            {
                batch.HashRows();
                await output.WriteAsync(batch, cancellationToken);
            }

            output.TryComplete();
        }
#pragma warning disable CA1031 // Handed to the consumer, which rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            output.TryComplete(ex);
        }
    }

    // Never throws: a failure completes the channel with it, so the consumer sees it.
    private static async Task FillAsync(DocketDatabase database, ChannelReader<EventBatch> free, ChannelWriter<EventBatch> full, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = Sql.Command(connection, null, Query);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var batch = await free.ReadAsync(cancellationToken);

            // Synchronous reads on this task: rows are small and arrive in bulk, and the async
            // overloads cost more per row than they save.
            while (reader.Read())
            {
                Append(reader, batch);
                if (batch.IsFull)
                {
                    await full.WriteAsync(batch, cancellationToken);
                    batch = await free.ReadAsync(cancellationToken);
                }
            }

            if (batch.Count > 0)
            {
                await full.WriteAsync(batch, cancellationToken);
            }

            full.TryComplete();
        }
#pragma warning disable CA1031 // Handed to the consumer, which rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            full.TryComplete(ex);
        }
    }

    private static void Append(DbDataReader reader, EventBatch batch)
    {
        var position = reader.GetInt64(0);
        var version = reader.GetInt32(1);
        var at = 0;
        var prev = Column(reader, 2, batch, ref at);
        var aNumber = Column(reader, 3, batch, ref at);
        Byte(batch, NewLine, ref at);
        Version(batch, version, ref at);
        for (var column = 4; column <= 8; column++)
        {
            Byte(batch, NewLine, ref at);
            Column(reader, column, batch, ref at);
        }

        var message = at;
        var hash = Column(reader, 9, batch, ref at);
        var leaf = reader.IsDBNull(10) ? -1 : Column(reader, 10, batch, ref at);
        batch.Commit(position, version, prev, aNumber, message, hash, leaf);
    }

    /// <summary>Copies one column's bytes (a text column's are its UTF-8) to the row being built; returns their length.</summary>
    private static int Column(DbDataReader reader, int ordinal, EventBatch batch, ref int at)
    {
        const int Chunk = 1024;
        var start = at;
        while (true)
        {
            var room = batch.Reserve(at + Chunk).Length - at;
            var read = (int)reader.GetBytes(ordinal, at - start, batch.Arena, batch.Used + at, room);
            at += read;
            if (read < room)
            {
                return at - start;
            }
        }
    }

    private static void Byte(EventBatch batch, byte value, ref int at)
    {
        batch.Reserve(at + 1)[at] = value;
        at++;
    }

    private static void Version(EventBatch batch, int version, ref int at)
    {
        version.TryFormat(batch.Reserve(at + 11)[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
    }
}
