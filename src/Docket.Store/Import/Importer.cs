using Docket.Store.Cases;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Import;

public enum OnImportError { Stop, Skip }

/// <summary>What an import did. <see cref="Stopped"/>: the file had bad lines and nothing was written.</summary>
public sealed record ImportResult(bool Stopped, long Imported, long AlreadyPresent, long SkippedLines, int Cases, ImportCheckReport Check);

public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// <c>docket import</c>: checks the whole file first (<see cref="ImportCheck"/>), then streams
/// the checked records from its spool into the log through the single writer, whole runs of a case's events at a time, many in
/// flight so group commit batches them. Idempotent and crash-safe without bookkeeping: every
/// case in a file is a complete history, so line k of a case is version k, and a version the
/// log already holds with the same content is skipped. Killed half-way and run again, an
/// import finishes what is missing and writes nothing twice.
/// </summary>
public sealed class Importer(DocketDatabase database, EventWriter writer, Docket.Domain.Calendar.LegalClock clock)
{
    private const int ChunkSize = 4096;
    private const int SummaryBatch = 1000;
    private const int ChunksInFlight = 4;
    private const string ImportAuthor = "import";

    public async Task<ImportResult> RunAsync(ImportFile file, OnImportError onError, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var spool = new ImportSpool();
        var check = await ImportCheck.RunAsync(file, spool, clock.Today(), Report(progress, "Checking", file.Length), cancellationToken);
        if (check.ErrorCount > 0 && onError == OnImportError.Stop)
        {
            return new ImportResult(true, 0, 0, 0, 0, check);
        }

        var (imported, present) = await WriteAsync(spool, check, progress, cancellationToken);
        await UpdateSummariesAsync(spool, check, progress, cancellationToken);
        return new ImportResult(false, imported, present, check.Lines - imported - present, check.ImportableCases, check);
    }

    /// <summary>
    /// The writing pass, from the spool: chunks of records go to the writer, a few in flight.
    /// </summary>
    private async Task<(long Imported, long Present)> WriteAsync(ImportSpool spool, ImportCheckReport check, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        long imported = 0, present = 0;
        var logWasEmpty = !await AnyEventsAsync(cancellationToken);
        var total = spool.RecordBytes;
        var chunk = new List<(ImportRecord Record, int Version)>(ChunkSize);
        var inFlight = new Queue<Task<(long Imported, long Present)>>();
        foreach (var (record, version, bytesRead) in spool.ReadRecords())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (check.BadCases.Contains(ImportCheck.Key(record.ANumber)))
            {
                continue;
            }

            chunk.Add((record, version));
            if (chunk.Count == ChunkSize)
            {
                // A few chunks queue with the writer while earlier ones commit, so it never waits
                // for the next; each is looked up and queued before the next, so events keep file order.
                inFlight.Enqueue(await SendChunkAsync([.. chunk], logWasEmpty, cancellationToken));
                chunk.Clear();
                if (inFlight.Count > ChunksInFlight)
                {
                    (imported, present) = Add((imported, present), await inFlight.Dequeue());
                }

                progress?.Report(new ImportProgress("Importing", bytesRead, total));
            }
        }

        inFlight.Enqueue(await SendChunkAsync(chunk, logWasEmpty, cancellationToken));
        while (inFlight.Count > 0)
        {
            (imported, present) = Add((imported, present), await inFlight.Dequeue());
        }

        progress?.Report(new ImportProgress("Importing", total, total));
        return (imported, present);
    }

    /// <summary>
    /// Writes the summaries folded in the checking pass, a batch per transaction, then folds from
    /// the log the few cases whose lines were too far apart in the file to fold on the way.
    /// </summary>
    private async Task UpdateSummariesAsync(ImportSpool spool, ImportCheckReport check, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        const string stage = "Updating case summaries";
        long done = 0;
        foreach (var batch in spool.ReadSummaries().Where(s => Wanted(check, ImportCheck.Key(s.ANumber))).Chunk(SummaryBatch))
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CaseSummaryWriter.UpsertManyAsync(connection, transaction, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(stage, done += batch.Length, check.ImportableCases));
        }

        var rebuild = check.Rebuild.Where(k => !check.BadCases.Contains(k)).Select(k => k.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        await CaseProjection.RebuildAsync(database, rebuild, progress is null ? null : new Progress<long>(n => progress.Report(new ImportProgress(stage, done + n, check.ImportableCases))), cancellationToken);
        progress?.Report(new ImportProgress(stage, check.ImportableCases, check.ImportableCases));
    }

    private static bool Wanted(ImportCheckReport check, int key) => !check.BadCases.Contains(key) && !check.Rebuild.Contains(key);

    private static (long, long) Add((long, long) a, (long, long) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2);

    /// <summary>
    /// Looks up what the log already holds of a chunk and queues the rest with the writer;
    /// the task it returns completes when they have committed.
    /// </summary>
    private async Task<Task<(long Imported, long Present)>> SendChunkAsync(List<(ImportRecord Record, int Version)> chunk, bool logWasEmpty, CancellationToken cancellationToken)
    {
        var existing = logWasEmpty ? [] : await ExistingAsync(chunk.Select(c => c.Record.ANumber).Distinct().ToList(), cancellationToken);
        long present = 0;
        var requests = new List<(AppendRequest Request, IReadOnlyList<ImportRecord> Records)>();
        var run = new List<ImportRecord>();
        var runStart = 0;
        string? runCase = null;

        void Flush()
        {
            if (run.Count > 0)
            {
                var pending = run.Select(r => new PendingEvent(r.Type, r.On, r.Payload)
                {
                    RecordedAt = r.Exported?.RecordedAt,
                    RecordedBy = r.Exported?.RecordedBy ?? ImportAuthor,
                }).ToList();
                requests.Add((new AppendRequest(runCase!, runStart - 1, pending, ImportAuthor, null), [.. run]));
                run.Clear();
            }
        }

        foreach (var (record, version) in chunk)
        {
            if (existing.TryGetValue((record.ANumber, version), out var stored))
            {
                present += Same(record, stored) ? 1 : throw new ImportConflictException(record, version);
                continue;
            }

            if (record.ANumber != runCase || runStart + run.Count != version)
            {
                Flush();
                runCase = record.ANumber;
                runStart = version;
            }

            run.Add(record);
        }

        Flush();
        var appends = requests.Select(r => writer.AppendAsync(r.Request, cancellationToken)).ToList();
        return CommitAsync(requests, appends, present);
    }

    private static async Task<(long Imported, long Present)> CommitAsync(
        List<(AppendRequest Request, IReadOnlyList<ImportRecord> Records)> requests, List<Task<AppendResult>> appends, long present)
    {
        var results = await Task.WhenAll(appends);
        long imported = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var (request, records) = requests[i];
            if (results[i] is not AppendResult.Appended appended)
            {
                throw new ImportConflictException(records[0], request.ExpectedVersion + 1);
            }

            // An export's events must land with exactly the hashes they were exported with.
            for (var j = 0; j < records.Count; j++)
            {
                if (records[j].Exported is { } exported && !exported.Hash.AsSpan().SequenceEqual(appended.Rows[j].Hash))
                {
                    throw new ImportConflictException(records[j], appended.Rows[j].Version);
                }
            }

            imported += records.Count;
        }

        return (imported, present);
    }

    private static bool Same(ImportRecord record, EventRow stored) => record.Exported is { } exported
        ? exported.Hash.AsSpan().SequenceEqual(stored.Hash)
        : record.Type == stored.Type && record.On == stored.EffectiveOn && record.Payload == stored.Payload;

    private async Task<Dictionary<(string, int), EventRow>> ExistingAsync(List<string> aNumbers, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.Events.AsNoTracking().Where(e => aNumbers.Contains(e.ANumber)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.ANumber, r.Version));
    }

    private async Task<bool> AnyEventsAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Events.AnyAsync(cancellationToken);
    }

    private static Progress<long>? Report(IProgress<ImportProgress>? progress, string stage, long total) =>
        progress is null ? null : new Progress<long>(done => progress.Report(new ImportProgress(stage, done, total)));
}

/// <summary>A line that disagrees with what the log already holds for that case and version.</summary>
public sealed class ImportConflictException(ImportRecord record, int version)
    : Exception($"line {record.Line} (case {record.ANumber}, version {version}) differs from the event the log already holds; nothing after it was imported")
{
    public ImportRecord Record { get; } = record;
}
