using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Docket.Store.Audit;

/// <summary>
/// Reads every event in position order with the leaf the tree stored for it, for
/// <c>docket verify</c>: from one snapshot while the server keeps writing; a plain sequential reader copying each column's bytes straight into an
/// <see cref="EventBatch"/>, never building strings; and on tasks of their own, so that reading
/// the next batch and hashing the one before overlap checking this one (two cores do it in
/// about the time of the slowest stage instead of the sum).
/// </summary>
internal static class EventScan
{
    // Batches in flight: enough to ride out jitter between the stages, few enough to keep memory flat.
    private const int Depth = 6;

    // Column order follows the hashed message, so each row is appended left to right.
    private const string Columns = "e.position, e.version, e.prev_hash, e.a_number, e.type, e.effective_on, e.recorded_at, e.recorded_by, e.payload, e.hash";

    private const string Joined = $"""
        SELECT {Columns}, n.hash
        FROM events e LEFT JOIN merkle_nodes n ON n.level = 0 AND n."index" = e.position - 1
        ORDER BY e.position
        """;

    // SQLite: the text after the version joined by SQLite itself, one column instead of five
    // (each column read through Microsoft.Data.Sqlite costs more than SQLite's own concatenation).
    // The version stays formatted here, as on PostgreSQL: an integer's text is the same in both.
    private const string Alone = """
        SELECT e.position, e.version, e.prev_hash, e.a_number,
            CAST(char(10) || e.type || char(10) || e.effective_on || char(10) || e.recorded_at || char(10) || e.recorded_by || char(10) || e.payload AS BLOB),
            e.hash
        FROM events e ORDER BY e.position
        """;

    private const byte NewLine = (byte)'\n';

    /// <summary>The log as hashed batches; a batch is valid until the loop asks for the next one (it is then reused).</summary>
    public static async IAsyncEnumerable<EventBatch> ReadAsync(DocketDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Events and leaves from one snapshot while the server keeps writing: one statement on
        // PostgreSQL; on SQLite two statements in one deferred (read-only, lock-free) transaction.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : null;
        await using var command = Sql.WholeLogRead(connection, transaction, transaction is null ? Joined : Alone);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        await using var leafCommand = transaction is null ? null : Sql.WholeLogRead(connection, transaction, LeafCursor.Query);
        await using var leafReader = leafCommand is null ? null : await leafCommand.ExecuteReaderAsync(cancellationToken);
        var leaves = leafReader is null ? null : new LeafCursor(leafReader);

        // Three stages: read rows, hash them, check them (the caller). Reading and hashing each
        // get a thread of their own, not pool threads: both stay busy for the whole run, and on
        // two cores two busy pool threads leave none for the caller until the pool grows (which
        // took verify from 0.2 s to 1 s). Only Depth batches exist, so a stage that runs ahead
        // waits for a free one, and adding to a queue never blocks.
        using var free = new BlockingCollection<EventBatch>(Depth);
        using var read = new BlockingCollection<EventBatch>(Depth);
        var hashed = Channel.CreateBounded<EventBatch>(Depth);
        for (var i = 0; i < Depth; i++)
        {
            free.Add(new EventBatch(), cancellationToken);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filler = Dedicated(() => Fill(reader, leaves, free, read, stop.Token));
        var hasher = Dedicated(() => Hash(read, hashed.Writer, filler, stop.Token));
        try
        {
            await foreach (var batch in hashed.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
                batch.Clear();
                free.Add(batch, CancellationToken.None);
            }
        }
        finally
        {
            // The consumer may stop early (an exception, a cancellation): the stages must not outlive it.
            await stop.CancelAsync();
            await Task.WhenAll(filler, hasher).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static Task Dedicated(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Fill(DbDataReader reader, LeafCursor? leaves, BlockingCollection<EventBatch> free, BlockingCollection<EventBatch> read, CancellationToken cancellationToken)
    {
        try
        {
            var batch = free.Take(cancellationToken);
            while (reader.Read())
            {
                Append(reader, leaves, batch);
                if (batch.IsFull)
                {
                    read.Add(batch, cancellationToken);
                    batch = free.Take(cancellationToken);
                }
            }

            if (batch.Count > 0)
            {
                read.Add(batch, cancellationToken);
            }
        }
        finally
        {
            read.CompleteAdding();
        }
    }

    // Hands the reader's failure, or its own, to the caller through the channel, which rethrows it.
    private static void Hash(BlockingCollection<EventBatch> read, ChannelWriter<EventBatch> hashed, Task filler, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in read.GetConsumingEnumerable(cancellationToken))
            {
                batch.HashRows();
                hashed.TryWrite(batch);
            }

            filler.Wait(cancellationToken);
            hashed.TryComplete();
        }
#pragma warning disable CA1031 // Handed to the consumer, as said above.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            hashed.TryComplete(ex is AggregateException { InnerExceptions: [var inner] } ? inner : ex);
        }
    }

    private static void Append(DbDataReader reader, LeafCursor? leaves, EventBatch batch)
    {
        var position = reader.GetInt64(0);
        var version = reader.GetInt32(1);
        var at = 0;
        var prev = Column(reader, 2, batch, ref at);
        var aNumber = Column(reader, 3, batch, ref at);
        Byte(batch, NewLine, ref at);
        Version(batch, version, ref at);
        var hashColumn = 9;
        if (leaves is not null)
        {
            // SQLite's query gave the text from the first "\n" after the version on as one column.
            Column(reader, 4, batch, ref at);
            hashColumn = 5;
        }
        else
        {
            for (var column = 4; column <= 8; column++)
            {
                Byte(batch, NewLine, ref at);
                Column(reader, column, batch, ref at);
            }
        }

        var message = at;
        var hash = Column(reader, hashColumn, batch, ref at);
        var leaf = leaves is null
            ? (reader.IsDBNull(10) ? -1 : Column(reader, 10, batch, ref at))
            : Copy(leaves.LeafFor(position), batch, ref at);
        batch.Commit(position, version, prev, aNumber, message, hash, leaf);
    }

    /// <summary>Copies one column's bytes (a text column's are its UTF-8) to the row being built; returns their length.</summary>
    private static int Column(DbDataReader reader, int ordinal, EventBatch batch, ref int at)
    {
        if (reader is SqliteDataReader sqlite)
        {
            // Microsoft.Data.Sqlite's GetBytes opens an incremental-I/O blob handle per call on a
            // rowid table (5x slower here); GetFieldValue<byte[]> copies the column's bytes once.
            return Copy(sqlite.GetFieldValue<byte[]>(ordinal), batch, ref at);
        }

        // Npgsql copies straight from its buffer; a long value takes a few calls.
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

    /// <summary>Appends <paramref name="bytes"/> to the row being built; returns their length, or -1 for null.</summary>
    private static int Copy(byte[]? bytes, EventBatch batch, ref int at)
    {
        if (bytes is null)
        {
            return -1;
        }

        bytes.CopyTo(batch.Reserve(at + bytes.Length)[at..]);
        at += bytes.Length;
        return bytes.Length;
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
