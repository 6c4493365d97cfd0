using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Domain.Statistics;
using Docket.Store.Events;

namespace Docket.Store.Cases;

/// <summary>
/// The command side of a case: load its stream, fold it, let the Domain decide, append with
/// the version the caller saw. Nothing is written unless every check passes. With
/// <paramref name="countsStatistics"/> (a host that keeps the statistics) each append also
/// carries what the case adds to the statistics after it, for the writer to count.
/// </summary>
public sealed class CaseLog(EventWriter writer, EventReader reader, CourtCalendar calendar, LegalClock clock, bool countsStatistics = false)
{
    /// <summary>The court calendar the rules count days with.</summary>
    public CourtCalendar Calendar { get; } = calendar;

    /// <summary>Today's legal date, for RECORD-NOT-FUTURE and the removal check.</summary>
    public LegalClock Clock { get; } = clock;

    public async Task<CaseState?> LoadAsync(ANumber aNumber, CancellationToken cancellationToken = default)
    {
        var rows = await reader.ReadStreamAsync(aNumber.Digits, cancellationToken);
        return rows.Count == 0 ? null : reader.Fold(rows);
    }

    public async Task<CaseCommandResult> OpenAsync(CaseOpened opened, string recordedBy, CancellationToken cancellationToken = default)
    {
        opened = Normalise(opened);
        var aNumber = ANumber.Parse(opened.ANumber);
        var state = CaseHistory.Apply(CaseState.Empty, opened);
        var accessCode = AccessCodes.Generate();
        PendingEvent[] pending = [ToPending(opened)];
        var request = new AppendRequest(aNumber.Digits, 0, pending, recordedBy, Summary(state, AccessCodes.Hash(accessCode), Calendar))
        {
            Statistics = StatisticsAfter(CaseState.Empty, pending),
        };
        return await writer.AppendAsync(request, cancellationToken) switch
        {
            AppendResult.Appended appended => new CaseCommandResult.Opened(aNumber, appended.Version, accessCode),
            AppendResult.Conflict conflict => new CaseCommandResult.Conflict(conflict.ActualVersion),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    public async Task<CaseCommandResult> AppendAsync(ANumber aNumber, int expectedVersion, CaseEvent @event, string recordedBy, CancellationToken cancellationToken = default)
    {
        var state = await LoadAsync(aNumber, cancellationToken);
        return state is null
            ? new CaseCommandResult.NotFound()
            : await AppendAsync(state, expectedVersion, @event, recordedBy, cancellationToken);
    }

    /// <summary>Appends to a case already loaded by the caller (the version check still guards the write).</summary>
    public Task<CaseCommandResult> AppendAsync(CaseState state, int expectedVersion, CaseEvent @event, string recordedBy, CancellationToken cancellationToken = default) =>
        AppendAllAsync(state, expectedVersion, [@event], recordedBy, cancellationToken);

    /// <summary>
    /// Appends several events in one transaction, all or none (a verified departure and the
    /// closing it allows). Each is decided against the case as the ones before it leave it.
    /// </summary>
    public async Task<CaseCommandResult> AppendAllAsync(CaseState state, int expectedVersion, IReadOnlyList<CaseEvent> events, string recordedBy, CancellationToken cancellationToken = default)
    {
        var aNumber = state.Identity?.ANumber ?? throw new ArgumentException("The case is not open.", nameof(state));
        if (state.Version != expectedVersion)
        {
            return new CaseCommandResult.Conflict(state.Version);
        }

        var today = Clock.Today();
        var after = state;
        foreach (var @event in events)
        {
            var decision = CaseDecider.Decide(after, @event, Calendar, today);
            if (decision.Problems.Count > 0)
            {
                return new CaseCommandResult.Invalid(decision.Problems);
            }

            if (decision.Violations.Count > 0)
            {
                return new CaseCommandResult.Refused(decision.Violations);
            }

            after = CaseHistory.Fold(after.Events.Append(@event));
        }

        PendingEvent[] pending = [.. events.Select(ToPending)];
        var request = new AppendRequest(aNumber.Digits, expectedVersion, pending, recordedBy, Summary(after, [], Calendar))
        {
            Statistics = StatisticsAfter(state, pending),
        };
        return await writer.AppendAsync(request, cancellationToken) switch
        {
            AppendResult.Appended appended => new CaseCommandResult.Appended(appended.Version),
            AppendResult.Conflict conflict => new CaseCommandResult.Conflict(conflict.ActualVersion),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    /// <summary>
    /// The case's statistics after <paramref name="pending"/>, counted from the events as the log
    /// will hold them (parsed back from their stored payloads, as the projection reads them), so
    /// the writer's count and the projection's cannot differ.
    /// </summary>
    private CaseContribution? StatisticsAfter(CaseState before, IReadOnlyList<PendingEvent> pending)
    {
        if (!countsStatistics)
        {
            return null;
        }

        var stored = pending.Select(p => EventJson.ParsePayload(p.Type, EventJson.DatePattern.Parse(p.On).Value, p.Payload).Event
            ?? throw new InvalidOperationException($"A {p.Type} just serialized does not parse back.")).ToList();
        return CaseContribution.Of(CaseHistory.Continue(before, stored), Calendar);
    }

    /// <summary>The opening as stored: the A-number as 9 digits, the office code in capitals.</summary>
    public static CaseOpened Normalise(CaseOpened opened) =>
        opened with { ANumber = ANumber.Parse(opened.ANumber).Digits, Office = opened.Office.Trim().ToUpperInvariant() };

    public static PendingEvent ToPending(CaseEvent @event) =>
        new(@event.Type, EventJson.DatePattern.Format(@event.On), EventJson.SerializePayload(@event));

    /// <summary>The case summary row for a state (the access code hash only matters on insert).</summary>
    public static CaseRow Summary(CaseState state, byte[] accessCodeHash, CourtCalendar? calendar = null)
    {
        var identity = state.Identity ?? throw new InvalidOperationException("A case summary needs an opened case.");
        return new CaseRow
        {
            ANumber = identity.ANumber.Digits,
            FamilyName = identity.FamilyName,
            GivenNames = identity.GivenNames,
            DateOfBirth = EventJson.DatePattern.Format(identity.DateOfBirth),
            Citizenship = identity.Citizenship.Code,
            Office = identity.Office,
            Stage = JsonNamingPolicy.KebabCaseLower.ConvertName(state.Stage.ToString()),
            Version = state.Version,
            AccessCodeHash = accessCodeHash,
            AttorneyBarNumber = state.Attorney?.BarNumber,
            NextHearingOn = state.ScheduledHearing is { } hearing ? EventJson.DatePattern.Format(hearing.Date) : null,
            // The import and the rebuild have no configured calendar: they count with the default one.
            RunningDeadlines = DeadlineTimeline.Of(state, calendar ?? CourtCalendar.Default),
        };
    }
}
