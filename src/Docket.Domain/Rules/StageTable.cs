using System.Collections.Frozen;
using Docket.Domain.Cases;
using Docket.Domain.Events;

namespace Docket.Domain.Rules;

/// <summary>
/// Which events each stage of a case accepts (docs/stages.md holds the same table, and a test
/// holds the two to each other). The table is coarse on purpose: it answers "can this kind of
/// step happen at all in this stage?"; the procedural rules and the removal check then judge
/// the step itself (an appeal in a final-order stage may still be an appeal of a motion's
/// denial, and a late one is refused by APPEAL-IJ-30D with its date).
/// </summary>
public static class StageTable
{
    /// <summary>Facts about the record itself, which can follow any stage: a correction, the
    /// address for notices, the attorney of record (a motion from abroad needs both).</summary>
    private static readonly Type[] RecordKeeping =
        [typeof(EntryCorrected), typeof(MailingAddressChanged), typeof(AttorneyEntered), typeof(AttorneyWithdrew)];

    /// <summary>Facts that can happen while the person is in the United States, whatever the
    /// proceedings: custody, status, claims, stays, fear, a departure, removal, closing.</summary>
    private static readonly Type[] InTheUnitedStates =
    [
        typeof(CustodyStarted), typeof(CustodyEnded), typeof(ProtectedStatusGranted), typeof(ProtectedStatusEnded),
        typeof(CitizenshipClaimed), typeof(CitizenshipClaimResolved), typeof(StayRequested), typeof(StayGranted), typeof(StayLifted),
        typeof(FearExpressed), typeof(FearScreeningCompleted), typeof(DepartureReported), typeof(DepartureVerified),
        typeof(DepartureRejected), typeof(RemovalCarriedOut), typeof(CaseClosed),
    ];

    private static readonly Type[] Arrivals = [typeof(Admitted), typeof(Paroled), typeof(Entered)];

    /// <summary>Steps against an order that stands: review, motions, the VD bond, third-country notice.</summary>
    private static readonly Type[] AgainstAnOrder =
    [
        typeof(AppealFiled), typeof(AppealDecided), typeof(MotionFiled), typeof(MotionDecided), typeof(PetitionForReviewFiled),
        typeof(VoluntaryDepartureBondPosted), typeof(ThirdCountryNoticeServed),
    ];

    /// <summary>After the person has left (removed or a verified departure): the record, motions,
    /// a petition for review (which survives departure) and the closing of the case.</summary>
    private static readonly Type[] AfterLeaving =
        [.. RecordKeeping, typeof(MotionFiled), typeof(MotionDecided), typeof(PetitionForReviewFiled), typeof(CaseClosed)];

    public static FrozenDictionary<CaseStage, FrozenSet<Type>> Accepts { get; } = new Dictionary<CaseStage, Type[]>
    {
        [CaseStage.PreProceedings] =
            [.. RecordKeeping, .. InTheUnitedStates, .. Arrivals, typeof(NoticeToAppearServed), typeof(ApplicationFiled), typeof(ExpeditedRemovalOrdered)],
        [CaseStage.InProceedings] =
            [.. RecordKeeping, .. InTheUnitedStates, .. Arrivals, typeof(NoticeToAppearServed), typeof(HearingScheduled), typeof(ApplicationFiled), typeof(JudgeDecided)],
        [CaseStage.DecidedAppealable] =
            [.. RecordKeeping, .. InTheUnitedStates, typeof(AppealFiled), typeof(MotionFiled), typeof(MotionDecided), typeof(VoluntaryDepartureBondPosted), typeof(ThirdCountryNoticeServed)],
        [CaseStage.OnAppeal] =
            [.. RecordKeeping, .. InTheUnitedStates, typeof(AppealDecided), typeof(MotionFiled), typeof(MotionDecided), typeof(VoluntaryDepartureBondPosted), typeof(ThirdCountryNoticeServed)],
        // An NTA after an expedited order: a positive fear finding starts full proceedings (8 CFR 208.30(f)).
        [CaseStage.FinalOrder] = [.. RecordKeeping, .. InTheUnitedStates, .. AgainstAnOrder, typeof(NoticeToAppearServed)],
        [CaseStage.VoluntaryDeparturePeriod] = [.. RecordKeeping, .. InTheUnitedStates, .. AgainstAnOrder],
        // The government may appeal a grant of relief, or move to reopen it.
        [CaseStage.ReliefGranted] =
            [.. RecordKeeping, .. InTheUnitedStates, typeof(AppealFiled), typeof(AppealDecided), typeof(MotionFiled), typeof(MotionDecided)],
        [CaseStage.Departed] = AfterLeaving,
        [CaseStage.Removed] = AfterLeaving,
        // A closed case can be reopened by motion; a late appeal of the decision that closed it
        // is judged by APPEAL-IJ-30D, not refused for its stage.
        // A decision that terminated proceedings leaves the case closed until CaseClosed records it.
        [CaseStage.Closed] = [.. RecordKeeping, typeof(CaseClosed), typeof(MotionFiled), typeof(MotionDecided), typeof(PetitionForReviewFiled), typeof(AppealFiled), typeof(AppealDecided)],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet());

    /// <summary>Every event type a stage can be asked about (CaseOpened only opens a case).</summary>
    public static IEnumerable<Type> AppendableTypes => EventTypes.ByName.Values.Where(t => t != typeof(CaseOpened));

    public static bool Allows(CaseStage stage, Type eventType) => Accepts[stage].Contains(eventType);

    /// <summary>
    /// Why a stage refuses an event: a violation where a rule of law speaks to it (an appeal
    /// after the person has left, APPEAL-DEPARTURE), otherwise a plain reason.
    /// </summary>
    public static (Violation? Violation, string? Problem) Refusal(CaseStage stage, CaseEvent @event)
    {
        if (Allows(stage, @event.GetType()))
        {
            return (null, null);
        }

        var stageName = Wire(stage);
        if (stage is CaseStage.Departed or CaseStage.Removed && @event is AppealFiled or AppealDecided)
        {
            return (new Violation(RuleIds.AppealDeparture,
                $"The person has left the United States ({stageName}); a departure withdraws an appeal and none can follow (8 CFR 1003.4)."), null);
        }

        var why = stage switch
        {
            CaseStage.PreProceedings => "no Notice to Appear has been served, so there are no proceedings, decision or order yet",
            CaseStage.InProceedings => "the proceedings are before the judge: there is no decision to appeal, reopen or review yet",
            CaseStage.DecidedAppealable => "the judge has decided; the next steps are an appeal, a motion, or the order becoming final",
            CaseStage.OnAppeal => "an appeal is pending before the BIA; the case waits for its decision",
            CaseStage.FinalOrder or CaseStage.VoluntaryDeparturePeriod => "an order stands; proceedings before the judge resume only if it is reopened or remanded",
            CaseStage.ReliefGranted => "relief was granted; there is no removal order",
            CaseStage.Departed or CaseStage.Removed => "the person has left the United States; only corrections, the address and attorney of record, motions, a petition for review and closing the case can follow",
            _ => "the case is closed; only corrections, the address and attorney of record, motions and review can follow",
        };
        return (null, $"type: a {@event.Type} cannot be recorded on a case in stage {stageName}: {why}");
    }

    public static string Wire(CaseStage stage) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());
}
