using System.Globalization;
using Docket.Domain.Events;
using Docket.Store.Events;

namespace Docket.Store.Import;

/// <summary>What the first pass over a file found.</summary>
public sealed record ImportCheckReport(long Lines, long Events, int Cases, IReadOnlyList<ImportError> Errors, long ErrorCount, IReadOnlySet<int> BadCases)
{
    public const int ErrorsKept = 1000;
}

/// <summary>
/// The first pass: reads the whole file and checks every line before anything is written, so
/// that a file with a bad line can be refused whole (no partial case) or imported without the
/// cases it touches. Each case must be a complete history: an export's lines re-check their
/// hash chain from version 1; plain lines start with the case's CaseOpened and take versions
/// 1, 2, 3... in file order. Memory is one small entry per case.
/// </summary>
public static class ImportCheck
{
    public static async Task<ImportCheckReport> RunAsync(ImportFile file, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var chains = new Dictionary<int, CaseChain>();
        var badCases = new HashSet<int>();
        var errors = new List<ImportError>();
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

        await foreach (var (line, json, readError) in file.ReadAsync(cancellationToken))
        {
            lines++;
            if (lines % 4096 == 0)
            {
                progress?.Report(file.BytesRead);
            }

            if (json is null || readError is not null)
            {
                var named = json?["aNumber"]?.GetValue<string>() is { } text && Domain.Cases.ANumber.TryParse(text, out var a) ? a.Value.Digits : "";
                Fail(new ImportError(line, named, readError ?? "unreadable line"));
                continue;
            }

            var (record, parseError) = ImportLineParser.Parse(line, json);
            if (record is null)
            {
                Fail(parseError!);
                continue;
            }

            var key = Key(record.ANumber);
            chains.TryGetValue(key, out var chain);
            if (CheckChain(record, chain, out var next) is { } chainError)
            {
                Fail(new ImportError(line, record.ANumber, chainError));
                continue;
            }

            chains[key] = next;
            events++;
        }

        progress?.Report(file.Length);
        return new ImportCheckReport(lines, events, chains.Count, errors, errorCount, badCases);
    }

    public static int Key(string aNumber) => int.Parse(aNumber, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Where a case's chain stands in the file so far.</summary>
    internal readonly record struct CaseChain(int Version, byte[]? Hash, bool Exported);

    private static string? CheckChain(ImportRecord record, CaseChain chain, out CaseChain next)
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

        next = new CaseChain(chain.Version + 1, null, false);
        return null;
    }
}
