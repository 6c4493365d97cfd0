using System.Globalization;
using Docket.Domain.Events;
using Docket.Store.Events;

namespace Docket.Store.Import;

/// <summary>
/// What the first pass over a file found. <see cref="ImportableCases"/>: the cases with no bad
/// line. <see cref="Rebuild"/>: cases whose summary must be folded from the log after writing.
/// </summary>
public sealed record ImportCheckReport(long Lines, long Events, int Cases, IReadOnlyList<ImportError> Errors, long ErrorCount, IReadOnlySet<int> BadCases)
{
    public const int ErrorsKept = 1000;

    public int ImportableCases { get; init; }

    public IReadOnlySet<int> Rebuild { get; init; } = new HashSet<int>();
}

/// <summary>
/// The first pass: reads the whole file and checks every line before anything is written, so
/// that a file with a bad line can be refused whole (no partial case) or imported without the
/// cases it touches. Each case must be a complete history: an export's lines re-check their
/// hash chain from version 1; plain lines start with the case's CaseOpened and take versions
/// 1, 2, 3... in file order. Lines are parsed a batch at a time on every core; what passes is
/// spooled for the writing pass with the case summaries it folds. Memory is one small entry per
/// case.
/// </summary>
public static class ImportCheck
{
    private const int BatchSize = 2048;

    /// <summary>Checks and spools every line; <paramref name="today"/> is today's legal date: a plain line dated after it is refused (RECORD-NOT-FUTURE).</summary>
    public static async Task<ImportCheckReport> RunAsync(ImportFile file, ImportSpool spool, NodaTime.LocalDate today, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var chains = new Dictionary<int, CaseChain>();
        var badCases = new HashSet<int>();
        var errors = new List<ImportError>();
        var summaries = new CaseSummaryTracker(spool.Add);
        long errorCount = 0, lines = 0, events = 0;

        void Fail(ImportError error)
        {
            errorCount++;
            if (errors.Count < ImportCheckReport.ErrorsKept)
            {
                errors.Add(error);
            }

            if (error.ANumber.Length == 9)
            {
                badCases.Add(Key(error.ANumber));
            }
        }

        var todayText = EventJson.DatePattern.Format(today);
        var parsed = new ParsedLine[BatchSize];
        await foreach (var batch in file.ReadBatchesAsync(BatchSize, cancellationToken).Prefetch(depth: 2, cancellationToken))
        {
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => parsed[i] = ImportLineParser.Parse(batch[i]));
            for (var i = 0; i < batch.Count; i++)
            {
                lines++;
                var (line, record, @event, parseError) = parsed[i];
                if (record is null || @event is null)
                {
                    Fail(parseError!);
                    continue;
                }

                var key = Key(record.ANumber);
                chains.TryGetValue(key, out var chain);
                if (CheckChain(record, chain, todayText, out var next) is { } chainError)
                {
                    Fail(new ImportError(line, record.ANumber, chainError));
                    continue;
                }

                chains[key] = next;
                spool.Add(record, next.Version);
                summaries.Add(key, @event);
                events++;
            }

            progress?.Report(file.BytesRead);
        }

        summaries.Complete();
        spool.Complete();
        progress?.Report(file.Length);
        return new ImportCheckReport(lines, events, chains.Count, errors, errorCount, badCases)
        {
            ImportableCases = chains.Keys.Count(k => !badCases.Contains(k)),
            Rebuild = summaries.Rebuild,
        };
    }

    public static int Key(string aNumber) => int.Parse(aNumber, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Where a case's chain stands in the file so far.</summary>
    internal readonly record struct CaseChain(int Version, byte[]? Hash, bool Exported);

    private static string? CheckChain(ImportRecord record, CaseChain chain, string today, out CaseChain next)
    {
        next = chain;
        if (chain.Version > 0 && chain.Exported != (record.Exported is not null))
        {
            return "a case's lines must all be export lines or all plain event lines";
        }

        if (record.Exported is { } exported)
        {
            var prev = chain.Hash ?? EventHash.Genesis.ToArray();
            if (exported.Version != chain.Version + 1)
            {
                return chain.Version == 0
                    ? $"version {exported.Version} is the case's first line here; an export starts each case at version 1"
                    : $"version {exported.Version} follows version {chain.Version} (an event is missing or out of order)";
            }

            if (!exported.PrevHash.AsSpan().SequenceEqual(prev))
            {
                return "prevHash does not match the hash of the case's previous event";
            }

            var hash = EventHash.Compute(exported.PrevHash, record.ANumber, exported.Version, record.Type, record.On, exported.RecordedAt, exported.RecordedBy, record.Payload);
            if (!hash.AsSpan().SequenceEqual(exported.Hash))
            {
                return "hash does not match the line's content (the export was altered)";
            }

            next = new CaseChain(exported.Version, exported.Hash, true);
            return null;
        }

        if (chain.Version == 0 && record.Type != nameof(CaseOpened))
        {
            return "a case's first line must be its CaseOpened";
        }

        if (chain.Version > 0 && record.Type == nameof(CaseOpened))
        {
            return "the case is already opened earlier in the file";
        }

        // RECORD-NOT-FUTURE holds for plain lines, which are new records; an export is another
        // system's history, recorded when it happened, and is re-checked by its chain instead.
        // (ISO dates compare as text.)
        if (string.CompareOrdinal(record.On, today) > 0)
        {
            return $"on: {record.On} is after today ({today}); an event records something that has happened (RECORD-NOT-FUTURE)";
        }

        next = new CaseChain(chain.Version + 1, null, false);
        return null;
    }
}
