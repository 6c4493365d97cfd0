using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Cases;

/// <summary>Whether a grant of voluntary departure can be the pre-conclusion kind (VD-PRE-120).</summary>
public enum PreConclusion
{
    /// <summary>The record rules it out: VD at the end of proceedings (VD-POST-60), 60 days and a bond.</summary>
    Impossible,

    /// <summary>Its conditions can hold; a grant of 60 days or less could still be either kind.</summary>
    Possible,

    /// <summary>The record cannot tell: the stricter limit (60 days) applies and a person reviews it.</summary>
    Unknown,
}

/// <summary>
/// VD-PRE-120's implementation note: a grant is pre-conclusion only when no other application
/// for relief is pending, appeal is waived, and it comes no later than 30 days after the master
/// calendar hearing at which the merits hearing was set (DHS stipulations are not recorded, so
/// they are not assumed).
/// </summary>
public static class VoluntaryDepartureTiming
{
    public static PreConclusion Of(CaseState state, JudgeDecided decision)
    {
        var before = state.Events.Where(e => e.On <= decision.On && !ReferenceEquals(e, decision)).ToList();
        if (decision.Appeal != AppealChoice.Waived
            || before.OfType<ApplicationFiled>().Any(a => a.Relief != Relief.VoluntaryDeparture))
        {
            return PreConclusion.Impossible;
        }

        // The merits (individual) hearing is set at a master calendar hearing: the setting's
        // own date is that hearing.
        if (before.OfType<HearingScheduled>().FirstOrDefault(h => h.Kind == HearingKind.Individual) is { } merits)
        {
            return decision.On <= merits.On.PlusDays(30) ? PreConclusion.Possible : PreConclusion.Impossible;
        }

        // No merits hearing was ever set: a grant at a master calendar hearing is the usual
        // pre-conclusion grant; a grant on a day with no hearing on record cannot be placed.
        var masterOnTheDay = before.OfType<HearingScheduled>().Any(h => h.Kind == HearingKind.Master && h.Date == decision.On)
            || before.OfType<NoticeToAppearServed>().Any(n => n.HearingDate == decision.On);
        return masterOnTheDay ? PreConclusion.Possible : PreConclusion.Unknown;
    }

    /// <summary>The grant's length in days from the decision to departBy.</summary>
    public static int Days(JudgeDecided decision, LocalDate departBy) => Period.Between(decision.On, departBy, PeriodUnits.Days).Days;
}
