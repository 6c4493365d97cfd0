using Docket.Domain.Events;

namespace Docket.Domain.Cases;

public static partial class CaseHistory
{
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

    /// <summary>An appeal filed after a judge denied a motion is an appeal of that denial.</summary>
    private static MotionRecord? AppealedMotion(CaseState state) =>
        state.Motions is [.., { Outcome: MotionOutcome.Denied } last] && (state.Decision is null || last.FiledOn >= state.Decision.On)
            && !state.Appeals.Any(a => a.OfMotion == last)
            ? last
            : null;

    private static CaseState ApplyAppealDecided(CaseState state, AppealDecided decided)
    {
        if (state.Appeals.LastOrDefault(a => a.Pending) is not { } appeal)
        {
            return state;
        }

        var appeals = state.Appeals.Replace(appeal, appeal with { Outcome = decided.Outcome, DecidedOn = decided.On });
        if (decided.Outcome == AppealOutcome.Dismissed)
        {
            // FINAL-1241(a): the BIA's dismissal makes the order final (FINAL-BIA).
            return state with { Appeals = appeals, Stage = state.Decision is null ? state.Stage : CaseStage.FinalOrder };
        }

        // Sustained or remanded: the order appealed from no longer stands; a new decision must come.
        return appeal.OfMotion is null
            ? state with { Appeals = appeals, Decision = null, Stage = CaseStage.InProceedings }
            : state with { Appeals = appeals };
    }

    private static CaseState ApplyMotionDecided(CaseState state, MotionDecided decided)
    {
        if (state.Motions.LastOrDefault(m => m.Pending) is not { } motion)
        {
            return state;
        }

        var motions = state.Motions.Replace(motion, motion with { Outcome = decided.Outcome, DecidedOn = decided.On });
        // A granted motion to reopen or reconsider vacates the order: proceedings resume.
        return decided.Outcome == MotionOutcome.Granted
            ? state with { Motions = motions, Decision = null, Appeals = [], ExpeditedRemovalOrderedOn = null, Stage = CaseStage.InProceedings }
            : state with { Motions = motions };
    }

    private static CaseState ResolveStayRequest(CaseState state, StayAuthority by, NodaTime.LocalDate on) =>
        state.StayRequests.LastOrDefault(r => r.Before == by && r.Pending) is { } request
            ? state with { StayRequests = state.StayRequests.Replace(request, request with { ResolvedOn = on }) }
            : state;
}
