using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using NodaTime;

namespace Docket.Domain.Deadlines;

/// <summary>
/// Every legal clock a case's history has started, as of a date. A deadline that no longer
/// applies (the appeal was filed, the order became final, the case was closed) is not listed;
/// a filing deadline that simply passed stays listed, because a late filing may still be
/// argued and the person needs to see the date.
/// </summary>
public static class DeadlineCalculator
{
    private static readonly LocalDate AsylumDeadlineFloor = new(1997, 4, 1);

    public static IReadOnlyList<Deadline> For(CaseState state, CourtCalendar calendar, LocalDate asOf)
    {
        var deadlines = new List<Deadline>();
        var ended = state.Closure is not null || state.Removal is not null || state.DepartureVerifiedOn is not null;
        if (ended)
        {
            return deadlines;
        }

        AddHearingAndAppeal(state, calendar, asOf, deadlines);
        AddVoluntaryDeparture(state, calendar, asOf, deadlines);
        AddMotionsAndReview(state, calendar, asOf, deadlines);
        AddAsylum(state, calendar, deadlines);
        AddDetention(state, calendar, asOf, deadlines);
        AddFearReview(state, calendar, deadlines);
        return [.. deadlines.OrderBy(d => d.Due).ThenBy(d => d.Kind, StringComparer.Ordinal)];
    }

    private static void AddHearingAndAppeal(CaseState state, CourtCalendar calendar, LocalDate asOf, List<Deadline> deadlines)
    {
        // NTA-10D: day of service is day 0; the first hearing may be set no earlier than day 10.
        // An NTA served after an expedited order (a positive fear finding, 8 CFR 208.30(f))
        // starts full proceedings, and the 10 days apply to it as to any NTA.
        if (state.NoticeToAppearServedOn is { } served && state.Decision is null
            && (state.ExpeditedRemovalOrderedOn is not { } expedited || served >= expedited))
        {
            deadlines.Add(new(DeadlineKinds.FirstHearingEarliest, calendar.DaysAfter(served, 10), RuleIds.Nta10D));
        }

        // APPEAL-IJ-30D: listed while the window is open; after it the order is final.
        if (Proceedings.AppealWindowOpen(state, calendar, asOf))
        {
            deadlines.Add(new(DeadlineKinds.Appeal, Proceedings.AppealDeadline(state, calendar)!.Value, RuleIds.AppealIj30D));
        }

        // A judge's denial of a motion can be appealed to the BIA within 30 days too.
        if (state.Motions is [.., { Outcome: MotionOutcome.Denied, DecidedOn: { } denied } motion]
            && !state.Appeals.Any(a => a.OfMotion == motion)
            && calendar.DaysAfter(denied, 30) is var due && asOf <= due)
        {
            deadlines.Add(new(DeadlineKinds.Appeal, due, RuleIds.AppealIj30D));
        }
    }

    private static void AddVoluntaryDeparture(CaseState state, CourtCalendar calendar, LocalDate asOf, List<Deadline> deadlines)
    {
        if (Proceedings.VoluntaryDeparture(state, calendar) is not { } vd || state.DecisionAppeal is not null || !vd.RunsOn(asOf))
        {
            return;
        }

        deadlines.Add(new(DeadlineKinds.VoluntaryDeparture, vd.Due, vd.Rule));
        if (vd.BondDue is { } bondDue && state.VoluntaryDepartureBondPostedOn is null)
        {
            deadlines.Add(new(DeadlineKinds.VdBond, bondDue, RuleIds.VdPost60));
        }
    }

    private static void AddMotionsAndReview(CaseState state, CourtCalendar calendar, LocalDate asOf, List<Deadline> deadlines)
    {
        if (state.Decision is { InAbsentia: true } inAbsentia
            && !state.Motions.Any(m => m.SeeksRescission && m.FiledOn >= inAbsentia.On))
        {
            // INABS-RESCIND: 180 days for exceptional circumstances (lack of notice: any time).
            deadlines.Add(new(DeadlineKinds.InAbsentiaReopen, calendar.DaysAfter(inAbsentia.On, 180), RuleIds.InabsRescind));
        }

        if (Proceedings.Finality(state, calendar, asOf) is not { } final || state.Decision is null)
        {
            return;
        }

        if (!state.Motions.Any(m => m.Kind == MotionKind.Reopen && m.FiledOn >= final.Since))
        {
            deadlines.Add(new(DeadlineKinds.MotionToReopen, calendar.DaysAfter(final.Since, 90), RuleIds.MtrReopen90D));
        }

        if (!state.Motions.Any(m => m.Kind == MotionKind.Reconsider && m.FiledOn >= final.Since))
        {
            deadlines.Add(new(DeadlineKinds.MotionToReconsider, calendar.DaysAfter(final.Since, 30), RuleIds.MtrRecon30D));
        }

        // PFR-30D: judicial review is of the BIA's final order.
        if (state.DecisionAppeal is { Outcome: AppealOutcome.Dismissed, DecidedOn: { } dismissed } && state.PetitionForReviewFiledOn is null)
        {
            deadlines.Add(new(DeadlineKinds.PetitionForReview, calendar.DaysAfter(dismissed, 30), RuleIds.Pfr30D));
        }
    }

    private static void AddAsylum(CaseState state, CourtCalendar calendar, List<Deadline> deadlines)
    {
        if (state.LastArrivalOn is not { } arrival || state.Applications.Any(a => a.Relief == Relief.Asylum))
        {
            return;
        }

        // A February 29 arrival has no anniversary; of the two readings (February 28 or March 1)
        // the later is used, as docs/rules.md section 0 asks where counting is ambiguous (ASY-1YR).
        var lastDay = arrival is { Month: 2, Day: 29 } ? arrival.PlusYears(1).PlusDays(1) : arrival.PlusYears(1);
        deadlines.Add(new(DeadlineKinds.AsylumOneYear, calendar.RollForward(lastDay < AsylumDeadlineFloor ? AsylumDeadlineFloor : lastDay), RuleIds.Asy1Yr));
    }

    private static void AddDetention(CaseState state, CourtCalendar calendar, LocalDate asOf, List<Deadline> deadlines)
    {
        if (Proceedings.Finality(state, calendar, asOf) is not { } final)
        {
            return;
        }

        // REMOVAL-PERIOD-90 starts at the latest of finality and the end of a reviewing court's stay.
        var start = state.Stays
            .Where(s => s.By is StayAuthority.CircuitCourt or StayAuthority.DistrictCourt && s.LiftedOn is not null)
            .Select(s => s.LiftedOn!.Value)
            .Append(final.Since)
            .Max();
        deadlines.Add(new(DeadlineKinds.RemovalPeriodEnd, start.PlusDays(90), RuleIds.RemovalPeriod90));

        // ZADVYDAS-6M: six months of post-order detention.
        if (state.Custody is [.., { EndedOn: null } custody])
        {
            var detainedSince = custody.StartedOn > final.Since ? custody.StartedOn : final.Since;
            deadlines.Add(new(DeadlineKinds.CustodyReview, detainedSince.PlusMonths(6), RuleIds.Zadvydas6M));
        }
    }

    private static void AddFearReview(CaseState state, CourtCalendar calendar, List<Deadline> deadlines)
    {
        // CF-IJ-REVIEW: a requested review of a negative finding, no later than 7 days.
        if (state.Fear?.Screening is { Outcome: ScreeningOutcome.Negative, JudgeReview: JudgeReview.Requested } screening)
        {
            deadlines.Add(new(DeadlineKinds.CredibleFearReview, calendar.DaysAfter(screening.On, 7), RuleIds.CfIjReview));
        }
    }
}
