using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;

namespace Docket.Domain.Rules;

/// <summary>
/// Consistency of an event with the case's history, where a rule of docs/rules.md speaks to it
/// (a violation, HTTP 422), or where the event refers to something the case does not have (a
/// problem, HTTP 400).
/// </summary>
internal static class ProceduralRules
{
    public static void Check(CaseState state, CaseEvent @event, CourtCalendar calendar, List<string> problems, List<Violation> violations)
    {
        switch (@event)
        {
            case NoticeToAppearServed { HearingDate: { } hearing } served when hearing < served.On.PlusDays(10):
                violations.Add(new(RuleIds.Nta10D, $"The hearing on {DateWords.Of(hearing)} is less than 10 days after service on {DateWords.Of(served.On)}; the first hearing may not be set before {DateWords.Of(served.On.PlusDays(10))} so the person can find counsel."));
                break;
            case HearingScheduled scheduled:
                CheckHearing(state, scheduled, violations);
                break;
            case JudgeDecided decided:
                CheckVoluntaryDepartureLength(state, decided, violations);
                break;
            case AppealFiled filed:
                CheckAppeal(state, filed, calendar, problems, violations);
                break;
            case AppealDecided when !state.Appeals.Any(a => a.Pending):
                problems.Add("type: there is no pending appeal to decide");
                break;
            case MotionDecided when !state.Motions.Any(m => m.Pending):
                problems.Add("type: there is no pending motion to decide");
                break;
            case VoluntaryDepartureBondPosted when state.Decision is not { Outcome: DecisionOutcome.VoluntaryDepartureGranted }:
                problems.Add("type: no voluntary departure was granted, so there is no bond to post");
                break;
            case CitizenshipClaimResolved when state.CitizenshipClaim is not { Outcome: null }:
                problems.Add("type: there is no unresolved citizenship claim");
                break;
            case StayLifted lifted when !state.Stays.Any(s => s.By == lifted.By && s.LiftedOn is null):
                problems.Add($"by: no stay granted by {Wire(lifted.By)} is in force");
                break;
            case ProtectedStatusEnded ended when !state.Protections.Any(p => p.Kind == ended.Kind && p.EndedOn is null):
                problems.Add($"kind: no {Wire(ended.Kind)} status is on record");
                break;
            case CustodyEnded when state.Custody is not [.., { EndedOn: null }]:
                problems.Add("type: the person is not in custody on record");
                break;
            case CaseClosed when state.Closure is { } closure:
                problems.Add($"type: the case was already closed on {DateWords.Of(closure.On)}");
                break;
            case DepartureReported reported when state.DepartureReport is { } pending && SameDeparture(pending, reported):
                problems.Add($"type: this departure (to {reported.DestinationCountry} on {DateWords.Of(reported.On)}) is already reported and waits for verification; it is not recorded twice");
                break;
            case DepartureVerified or DepartureRejected when state.DepartureReport is null:
                problems.Add("type: there is no departure report to verify or reject");
                break;
        }
    }

    private static void CheckHearing(CaseState state, HearingScheduled scheduled, List<Violation> violations)
    {
        if (state.NoticeToAppearServedOn is { } served && scheduled.Date < served.PlusDays(10) && scheduled.EarlierDateRequested != true)
        {
            violations.Add(new(RuleIds.Nta10D, $"A hearing on {DateWords.Of(scheduled.Date)} is less than 10 days after the Notice to Appear was served ({DateWords.Of(served)}); the earliest date is {DateWords.Of(served.PlusDays(10))} unless the person asks in writing for an earlier one (earlierDateRequested)."));
        }
    }

    private static void CheckVoluntaryDepartureLength(CaseState state, JudgeDecided decided, List<Violation> violations)
    {
        if (decided is not { Outcome: DecisionOutcome.VoluntaryDepartureGranted, DepartBy: { } by })
        {
            return;
        }

        var days = VoluntaryDepartureTiming.Days(decided, by);
        if (days < 1)
        {
            violations.Add(new(RuleIds.VdPost60, $"departBy ({DateWords.Of(by)}) must be after the decision ({DateWords.Of(decided.On)})."));
            return;
        }

        switch (VoluntaryDepartureTiming.Of(state, decided))
        {
            case PreConclusion.Impossible when days > 60:
                violations.Add(new(RuleIds.VdPost60, $"This can only be voluntary departure at the end of proceedings (appeal reserved, another application pending, or more than 30 days after the hearing that set the merits hearing), which may be granted for at most 60 days; departBy {DateWords.Of(by)} is {days} days after the decision."));
                break;
            case PreConclusion.Unknown when days > 60:
                violations.Add(new(RuleIds.VdPost60, $"The record cannot tell whether this is pre-conclusion voluntary departure (no hearing on record for the day of the decision), so the stricter 60-day limit applies; departBy {DateWords.Of(by)} is {days} days after the decision. A person must review it (VD-PRE-120).", ViolationEffect.NeedsReview));
                break;
            case PreConclusion.Possible when days > 120:
                violations.Add(new(RuleIds.VdPre120, $"Voluntary departure may be granted for at most 120 days; departBy {DateWords.Of(by)} is {days} days after the decision."));
                break;
        }
    }

    private static void CheckAppeal(CaseState state, AppealFiled filed, CourtCalendar calendar, List<string> problems, List<Violation> violations)
    {
        if (state.Appeals.Any(a => a.Pending))
        {
            problems.Add("type: an appeal is already pending before the BIA");
            return;
        }

        // An appeal after a judge denied a motion is an appeal of that denial.
        if (state.Motions is [.., { Outcome: MotionOutcome.Denied, DecidedOn: { } denied } motion] && !state.Appeals.Any(a => a.OfMotion == motion)
            && (state.Decision is null || motion.FiledOn >= state.Decision.On))
        {
            var motionDue = calendar.DaysAfter(denied, 30);
            if (filed.On > motionDue)
            {
                violations.Add(new(RuleIds.AppealIj30D, $"An appeal of the motion's denial had to be received by {DateWords.Of(motionDue)} (30 days after {DateWords.Of(denied)})."));
            }

            return;
        }

        switch (state.Decision)
        {
            case null:
                problems.Add("type: there is no judge's decision to appeal");
                break;
            case { InAbsentia: true }:
                violations.Add(new(RuleIds.AppealNoneInAbsentia, "An order entered in absentia cannot be appealed; the remedy is a motion to reopen (in-absentia rescission)."));
                break;
            case { Appeal: AppealChoice.Waived }:
                violations.Add(new(RuleIds.AppealWaived, "Appeal was waived when the judge decided; no appeal can follow a waiver."));
                break;
            case { } decision when state.DecisionAppeal is not null:
                problems.Add($"type: the decision of {DateWords.Of(decision.On)} was already appealed");
                break;
            case { } decision when filed.On > Proceedings.AppealDeadline(state, calendar):
                violations.Add(new(RuleIds.AppealIj30D, $"The appeal had to be received by the BIA by {DateWords.Of(Proceedings.AppealDeadline(state, calendar))} (30 days after the decision of {DateWords.Of(decision.On)}, rolled past weekends and holidays)."));
                break;
            case { } decision when filed.On < decision.On:
                problems.Add($"on: an appeal cannot be filed before the decision of {DateWords.Of(decision.On)}");
                break;
        }
    }

    private static bool SameDeparture(DepartureReported a, DepartureReported b) =>
        a.On == b.On && a.DestinationCountry == b.DestinationCountry;

    private static string Wire<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
