using Docket.Domain.Countries;
using Docket.Domain.Events;

namespace Docket.Domain.Cases;

/// <summary>The fold from a case's events to its state.</summary>
public static class CaseHistory
{
    /// <summary>
    /// Folds a stream in version order. A correction makes the state read its replacement in
    /// place of the corrected event, so the stream is refolded from the start with the
    /// replacement substituted: a correction may change anything that followed from the
    /// original.
    /// </summary>
    public static CaseState Fold(IEnumerable<CaseEvent> stream)
    {
        var recorded = stream.ToList();
        var effective = new List<CaseEvent>(recorded.Count);
        foreach (var @event in recorded)
        {
            // Only an earlier event after the opening can be corrected (as CaseDecider checks);
            // anything else is ignored rather than allowed to erase the identity or throw.
            if (@event is EntryCorrected corrected && corrected.CorrectsVersion > 1 && corrected.CorrectsVersion <= effective.Count
                && EventJson.Parse(corrected.Replacement).Event is { } replacement)
            {
                effective[corrected.CorrectsVersion - 1] = replacement;
            }

            // A correction keeps its own place (as the original's version) so versions stay
            // aligned with positions in the effective list.
            effective.Add(@event);
        }

        var state = effective.Aggregate(CaseState.Empty, Apply);
        return state with { Events = [.. recorded] };
    }

    /// <summary>One step of the fold.</summary>
    public static CaseState Apply(CaseState state, CaseEvent @event)
    {
        var next = state with { Version = state.Version + 1 };
        return @event switch
        {
            CaseOpened opened => next with
            {
                Identity = new CaseIdentity(
                    ANumber.Parse(opened.ANumber),
                    opened.FamilyName,
                    opened.GivenNames,
                    opened.DateOfBirth,
                    opened.Citizenship,
                    opened.Office),
                Stage = CaseStage.PreProceedings,
            },
            MailingAddressChanged changed => next with { MailingAddress = changed.Address },
            AttorneyEntered entered => next with { Attorney = new AttorneyOfRecord(entered.Name, entered.BarNumber, entered.On) },
            AttorneyWithdrew => next with { Attorney = null },
            NoticeToAppearServed served => next with
            {
                NoticeToAppearServedOn = served.On,
                Stage = CaseStage.InProceedings,
                ScheduledHearing = served.HearingDate is { } date
                    ? new Hearing(date, HearingKind.Master, served.HearingPlace ?? "as stated in the notice")
                    : next.ScheduledHearing,
            },
            HearingScheduled scheduled => next with { ScheduledHearing = new Hearing(scheduled.Date, scheduled.Kind, scheduled.Court) },
            JudgeDecided decided => next with { Decision = decided, Stage = StageAfter(decided), ScheduledHearing = null },
            ExpeditedRemovalOrdered => next with { Stage = CaseStage.FinalOrder },
            AppealFiled => next with { Stage = CaseStage.OnAppeal },
            AppealDecided { Outcome: AppealOutcome.Dismissed } => next with { Stage = CaseStage.FinalOrder },
            AppealDecided => next with { Stage = CaseStage.InProceedings },
            DepartureVerified => next with { Stage = CaseStage.Departed },
            RemovalCarriedOut => next with { Stage = CaseStage.Removed },
            CaseClosed => next with { Stage = CaseStage.Closed },
            _ => next,
        };
    }

    private static CaseStage StageAfter(JudgeDecided decided) => decided switch
    {
        // An in-absentia order is final when entered (FINAL-1241(e)); a waiver makes any order
        // final at once (FINAL-1241(b)); otherwise the appeal window is open (APPEAL-IJ-30D).
        { InAbsentia: true } => CaseStage.FinalOrder,
        { Appeal: AppealChoice.Reserved } => CaseStage.DecidedAppealable,
        { Outcome: DecisionOutcome.ReliefGranted } => CaseStage.ReliefGranted,
        { Outcome: DecisionOutcome.Terminated } => CaseStage.Closed,
        { Outcome: DecisionOutcome.VoluntaryDepartureGranted } => CaseStage.VoluntaryDeparturePeriod,
        _ => CaseStage.FinalOrder,
    };

    /// <summary>Countries a judge's grant of withholding or CAT protects (WH-COUNTRY, CAT-COUNTRY).</summary>
    public static IReadOnlyList<CountryCode> ProtectedCountries(CaseState state) =>
        state.Decision?.ProtectedCountries ?? [];
}
