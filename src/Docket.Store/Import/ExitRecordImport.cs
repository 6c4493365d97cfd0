using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Store.Cases;

namespace Docket.Store.Import;

/// <summary>What an import of exit records did: reports added, reports already on their case, bad lines.</summary>
public sealed record ExitRecordResult(bool Stopped, int Added, int AlreadyPresent, int SkippedLines, IReadOnlyList<ImportError> Errors);

/// <summary>
/// <c>docket import --exit-records</c>: departure reports for cases already in the log, one a line
/// (<c>{aNumber, type: DepartureReported, on, destinationCountry, source, port?, mode?, evidence?}</c>,
/// NDJSON or CSV). Unlike a history import, each report is judged as the API judges it (the
/// date, the stage, the case's history), because it is a new record, not another system's
/// past. A report already on its case (same date and destination, from the same source, or the
/// case's own report of it still waiting or verified) is recognised and skipped, so the file can
/// be imported again, even after an officer rejected one of its records. Every line is checked before anything is written; with
/// <see cref="OnImportError.Stop"/> one bad line writes nothing, with Skip the good lines of a
/// case are written only when the case has no bad line. A case's reports go in one transaction.
/// </summary>
public sealed class ExitRecordImport(CaseLog cases)
{
    private const int BatchSize = 1024;

    public async Task<ExitRecordResult> RunAsync(ImportFile file, OnImportError mode, string recordedBy, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var byCase = new Dictionary<string, List<(long Line, DepartureReported Report)>>(StringComparer.Ordinal);
        await foreach (var batch in file.ReadBatchesAsync(BatchSize, cancellationToken))
        {
            foreach (var raw in batch)
            {
                var parsed = ImportLineParser.Parse(raw);
                if (parsed.Error is { } error)
                {
                    errors.Add(error);
                }
                else if (parsed.Record!.Exported is not null || parsed.Event is not DepartureReported report)
                {
                    errors.Add(new ImportError(parsed.Line, parsed.Record.ANumber, "an exit-record line is a plain DepartureReported line {aNumber, type, on, destinationCountry, source, ...}"));
                }
                else if (report.Source == DepartureSource.SelfReport)
                {
                    errors.Add(new ImportError(parsed.Line, parsed.Record.ANumber, "source: an exit record comes from an exit-record or a carrier-manifest, not a self-report"));
                }
                else
                {
                    (byCase.TryGetValue(parsed.Record.ANumber, out var list) ? list : byCase[parsed.Record.ANumber] = []).Add((parsed.Line, report));
                }
            }
        }

        var planned = new List<(CaseState State, List<CaseEvent> Reports)>();
        var present = 0;
        foreach (var (digits, lines) in byCase)
        {
            var (state, added, already) = await DecideAsync(digits, lines, errors, cancellationToken);
            present += already;
            if (state is not null && added.Count > 0)
            {
                planned.Add((state, added));
            }
        }

        var badCases = errors.Select(e => e.ANumber).ToHashSet(StringComparer.Ordinal);
        if (errors.Count > 0 && mode == OnImportError.Stop)
        {
            return new ExitRecordResult(true, 0, present, 0, [.. errors.OrderBy(e => e.Line)]);
        }

        var written = 0;
        foreach (var (state, reports) in planned.Where(p => !badCases.Contains(p.State.Identity!.ANumber.Digits)))
        {
            if (await cases.AppendAllAsync(state, state.Version, reports, recordedBy, cancellationToken) is CaseCommandResult.Appended)
            {
                written += reports.Count;
            }
            else
            {
                errors.Add(new ImportError(0, state.Identity!.ANumber.Digits, "the case changed while the file was imported; run the import again"));
            }
        }

        var skipped = byCase.Where(c => badCases.Contains(c.Key)).Sum(c => c.Value.Count);
        return new ExitRecordResult(false, written, present, skipped, [.. errors.OrderBy(e => e.Line)]);
    }

    private async Task<(CaseState? State, List<CaseEvent> Added, int AlreadyPresent)> DecideAsync(
        string digits, List<(long Line, DepartureReported Report)> lines, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var state = await cases.LoadAsync(ANumber.Parse(digits), cancellationToken);
        if (state is null)
        {
            errors.AddRange(lines.Select(l => new ImportError(l.Line, digits, "there is no case with this A-number")));
            return (null, [], 0);
        }

        var today = cases.Clock.Today();
        var after = state;
        var added = new List<CaseEvent>();
        var present = 0;
        foreach (var (line, report) in lines)
        {
            // Already there: this departure from this source (the file imported before, or its own
            // earlier line), or the case's report of it, waiting or verified. A rejected report of
            // another source (the person's own, without evidence) does not hide an exit record.
            if (after.Events.OfType<DepartureReported>().Any(r => SameDeparture(r, report) && r.Source == report.Source)
                || (after.DepartureReport is { } current && SameDeparture(current, report)))
            {
                present++;
                continue;
            }

            var decision = CaseDecider.Decide(after, report, cases.Calendar, today);
            if (!decision.Accepted)
            {
                errors.Add(new ImportError(line, digits, string.Join("; ", decision.Problems.Concat(decision.Violations.Select(v => $"[{v.Rule}] {v.Message}")))));
                continue;
            }

            added.Add(report);
            after = CaseHistory.Fold(after.Events.Append(report));
        }

        return (state, added, present);
    }

    private static bool SameDeparture(DepartureReported a, DepartureReported b) =>
        a.On == b.On && a.DestinationCountry == b.DestinationCountry;
}
