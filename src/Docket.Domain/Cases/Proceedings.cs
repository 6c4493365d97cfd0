using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using NodaTime;

namespace Docket.Domain.Cases;

/// <summary>Since when a removal order is administratively final, and under which rule.</summary>
public sealed record FinalOrder(LocalDate Since, string Rule, string Basis);

/// <summary>A voluntary departure period: when it is due, and when and why it ended early, if it did.</summary>
public sealed record VoluntaryDeparturePeriod(LocalDate GrantedOn, LocalDate Due, string Rule, bool PostConclusion, LocalDate? BondDue, LocalDate? EndedOn, string? EndRule)
{
    /// <summary>The period still runs on <paramref name="date"/>: not ended early and not past its last day.</summary>
    public bool RunsOn(LocalDate date) => date <= Due && (EndedOn is null || date < EndedOn);

    /// <summary>The first day the alternate removal order takes effect.</summary>
    public LocalDate AlternateOrderEffective => EndedOn is { } ended && ended <= Due ? ended : Due.PlusDays(1);
}

/// <summary>
/// The time-dependent reading of a case: appeal window, voluntary departure, finality
/// (FINAL-1241) and the stage on a given date. Pure functions of state, calendar and date.
/// </summary>
public static class Proceedings
{
    /// <summary>A removal order (or an alternate order behind voluntary departure) stands.</summary>
    public static bool HasRemovalOrder(CaseState state) =>
        state.Decision is { Outcome: DecisionOutcome.RemovalOrdered or DecisionOutcome.VoluntaryDepartureGranted }
        || (state.Decision is null && state.ExpeditedRemovalOrderedOn is not null);

    /// <summary>APPEAL-IJ-30D: the last day the BIA may receive an appeal of the decision in force.</summary>
    public static LocalDate? AppealDeadline(CaseState state, CourtCalendar calendar) =>
        state.Decision is { InAbsentia: false } decision ? calendar.DaysAfter(decision.On, 30) : null;

    /// <summary>The appeal window is open on a date: reserved, not yet filed, not yet past its last day.</summary>
    public static bool AppealWindowOpen(CaseState state, CourtCalendar calendar, LocalDate date) =>
        state.Decision is { Appeal: AppealChoice.Reserved, InAbsentia: false }
        && state.DecisionAppeal is null
        && date <= AppealDeadline(state, calendar);

    public static VoluntaryDeparturePeriod? VoluntaryDeparture(CaseState state, CourtCalendar calendar)
    {
        if (state.Decision is not { Outcome: DecisionOutcome.VoluntaryDepartureGranted } decision)
        {
            return null;
        }

        // Pre-conclusion VD (VD-PRE-120) needs its conditions to hold (VoluntaryDepartureTiming);
        // when the record rules it out, or cannot tell, the grant is read as VD at the end of
        // proceedings (VD-POST-60, the stricter reading); so is a period of 60 days or less,
        // which either kind could be (the bond then applies; the removal check sends an unposted
        // bond on a waived grant for review). Without a departBy, the later of the limits is used.
        var timing = VoluntaryDepartureTiming.Of(state, decision);
        var postConclusion = timing != PreConclusion.Possible
            || (decision.DepartBy is { } by && VoluntaryDepartureTiming.Days(decision, by) <= 60);
        var rule = postConclusion ? RuleIds.VdPost60 : RuleIds.VdPre120;
        var lastDay = decision.DepartBy ?? decision.On.PlusDays(postConclusion ? 60 : 120);
        var due = calendar.RollForward(lastDay); // VD-WEEKEND
        var bondDue = postConclusion ? calendar.BusinessDaysAfter(decision.On, 5) : (LocalDate?)null;

        var ends = new List<(LocalDate On, string Rule)>();
        // VD-TERMINATE: a motion to reopen or reconsider, or a petition for review, filed during the period.
        foreach (var motion in state.Motions.Where(m => m.FiledOn >= decision.On && m.FiledOn <= due))
        {
            ends.Add((motion.FiledOn, RuleIds.VdTerminate));
        }

        if (state.PetitionForReviewFiledOn is { } pfr && pfr >= decision.On && pfr <= due)
        {
            ends.Add((pfr, RuleIds.VdTerminate));
        }

        // VD-BOND-FAIL: no bond within 5 business days makes the alternate order final.
        if (bondDue is { } bd && (state.VoluntaryDepartureBondPostedOn is null || state.VoluntaryDepartureBondPostedOn > bd))
        {
            ends.Add((bd.PlusDays(1), RuleIds.VdBondFail));
        }

        var first = ends.Count == 0 ? ((LocalDate On, string Rule)?)null : ends.MinBy(e => e.On);
        return new VoluntaryDeparturePeriod(decision.On, due, rule, postConclusion, bondDue, first?.On, first?.Rule);
    }

    /// <summary>FINAL-1241: whether the removal order is administratively final on <paramref name="date"/>, and since when.</summary>
    public static FinalOrder? Finality(CaseState state, CourtCalendar calendar, LocalDate date)
    {
        var order = FinalityIgnoringDate(state, calendar, date);
        return order is not null && order.Since <= date ? order : null;
    }

    private static FinalOrder? FinalityIgnoringDate(CaseState state, CourtCalendar calendar, LocalDate date)
    {
        if (state.Decision is null)
        {
            return state.ExpeditedRemovalOrderedOn is { } er
                ? new FinalOrder(er, RuleIds.Final1241, "an expedited removal order, not appealable to the BIA")
                : null;
        }

        var decision = state.Decision;
        if (!HasRemovalOrder(state))
        {
            return null;
        }

        if (state.DecisionAppeal is { } appeal)
        {
            return appeal.Outcome == AppealOutcome.Dismissed && appeal.DecidedOn is { } dismissed
                ? new FinalOrder(dismissed, RuleIds.FinalBia, "FINAL-1241(a): the BIA dismissed the appeal")
                : null;
        }

        if (decision.InAbsentia)
        {
            return new FinalOrder(decision.On, RuleIds.Final1241, "FINAL-1241(e): an in-absentia order is final when entered");
        }

        if (decision.Appeal == AppealChoice.Reserved && AppealWindowOpen(state, calendar, date))
        {
            return null;
        }

        if (VoluntaryDeparture(state, calendar) is { } vd)
        {
            return new FinalOrder(vd.AlternateOrderEffective, RuleIds.Final1241,
                $"FINAL-1241(f): the alternate order took effect when voluntary departure ended ({vd.EndRule ?? "period over"})");
        }

        return decision.Appeal == AppealChoice.Waived
            ? new FinalOrder(decision.On, RuleIds.Final1241, "FINAL-1241(b): appeal waived")
            : new FinalOrder(AppealDeadline(state, calendar)!.Value.PlusDays(1), RuleIds.Final1241, "FINAL-1241(c): the appeal period expired with no appeal");
    }

    /// <summary>Where the case stands on a date, reading the clocks as well as the events.</summary>
    public static CaseStage StageOn(CaseState state, CourtCalendar calendar, LocalDate date)
    {
        if (state.Closure is not null || state.Removal is not null || state.DepartureVerifiedOn is not null || state.Decision is null)
        {
            return state.Stage;
        }

        if (state.DecisionAppeal is { Pending: true })
        {
            return CaseStage.OnAppeal;
        }

        if (AppealWindowOpen(state, calendar, date))
        {
            return CaseStage.DecidedAppealable;
        }

        return state.Decision.Outcome switch
        {
            DecisionOutcome.ReliefGranted => CaseStage.ReliefGranted,
            DecisionOutcome.Terminated => CaseStage.Closed,
            DecisionOutcome.VoluntaryDepartureGranted when VoluntaryDeparture(state, calendar) is { } vd && vd.RunsOn(date) => CaseStage.VoluntaryDeparturePeriod,
            _ => CaseStage.FinalOrder,
        };
    }
}
