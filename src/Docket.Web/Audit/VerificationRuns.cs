using Docket.Store.Audit;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Web.Audit;

/// <summary>
/// One verification started from the auditors' page, as it stands: who started it and when, how
/// many events the log held (null until counted) and how many have been checked, and once it
/// ended, the report (the same as GET /api/audit/verify's) or why it could not finish.
/// </summary>
public sealed record VerificationRun(long Number, string StartedBy, Instant StartedAt, long? Total, long Checked, Instant? FinishedAt, VerifyReportView? Report, string? Failure)
{
    public bool Running => FinishedAt is null;
}

/// <summary>
/// "Verify now" on the auditors' page: runs <see cref="AuditVerifier"/> (what <c>docket verify</c>
/// and GET /api/audit/verify run, with the instance key) in the background, one run at a time: a
/// start while one runs answers that run. The latest run is kept in memory, so the page can show
/// its progress and then its report; a restart forgets it (the report can always be made again).
/// </summary>
public sealed class VerificationRuns(AuditVerifier verifier, CheckpointKeeper keeper, EventReader events, IClock clock, ILogger<VerificationRuns> logger) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private volatile VerificationRun? latest;
    private Task running = Task.CompletedTask;

    /// <summary>The run going on now, or the last one that ended; null if none has been started since the server started.</summary>
    public VerificationRun? Latest => latest;

    /// <summary>Starts a verification unless one is running; returns the run to show and whether this call started it.</summary>
    public (VerificationRun Run, bool Started) Start(string startedBy)
    {
        lock (gate)
        {
            if (latest is { Running: true } current)
            {
                return (current, false);
            }

            var run = new VerificationRun((latest?.Number ?? 0) + 1, startedBy, clock.GetCurrentInstant(), null, 0, null, null, null);
            latest = run;
            running = Task.Run(() => RunAsync(run.Number));
            return (run, true);
        }
    }

    private async Task RunAsync(long number)
    {
        var token = stopping.Token;
        try
        {
            var total = await events.CountAsync(token);
            Update(number, run => run with { Total = total });
            var issuer = await keeper.GetAsync(token);
            var report = await verifier.VerifyAsync(issuer.PublicKey, progress: new Checked(this, number), cancellationToken: token);
            var now = clock.GetCurrentInstant();
            Update(number, run => run with { Checked = report.EventsChecked, FinishedAt = now, Report = VerifyReportView.From(report, EventWriter.FormatRecordedAt(now)) });
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Update(number, run => run with { FinishedAt = clock.GetCurrentInstant(), Failure = "The server stopped before the verification ended." });
        }
        catch (Exception ex)
        {
            // Not a finding: the verification itself could not run (the database went away, the key file is missing).
            logger.LogError(ex, "A verification started from the auditors' page could not finish: {Reason}", ex.Message);
            Update(number, run => run with { FinishedAt = clock.GetCurrentInstant(), Failure = Reason(ex) });
        }
    }

    // The outer message alone can say nothing ("Exception while reading from stream"); the inner ones say why.
    private static string Reason(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages) + ".";
    }

    // Only the run's own background task writes it, so a plain write of the new snapshot is enough.
    private void Update(long number, Func<VerificationRun, VerificationRun> change)
    {
        if (latest is { } run && run.Number == number)
        {
            latest = change(run);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    /// <summary>The verifier's count of events checked so far.</summary>
    private sealed class Checked(VerificationRuns runs, long number) : IProgress<long>
    {
        public void Report(long value) => runs.Update(number, run => run with { Checked = value });
    }
}
