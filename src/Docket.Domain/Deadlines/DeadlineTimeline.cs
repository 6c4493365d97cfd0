using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using NodaTime;

namespace Docket.Domain.Deadlines;

/// <summary>A deadline and the days on which <see cref="DeadlineCalculator.For"/> lists it (both ends included).</summary>
public sealed record ListedDeadline(Deadline Deadline, LocalDate ListedFrom, LocalDate ListedUntil);

/// <summary>
/// Which deadlines a case's history lists on every day, computed once per history so that a
/// caseload's deadlines can be stored and queried instead of folding every case per request.
/// The due dates are fixed by the events; "today" only decides whether a clock is listed (an
/// appeal window closes, an order becomes final, a voluntary departure period ends), and that
/// can change only on a few days the history itself names. Between two of those days the
/// listing is the same, so <see cref="DeadlineCalculator.For"/> is asked once on each.
/// </summary>
public static class DeadlineTimeline
{
    /// <summary>Stands for "always" at either end: earlier and later than any date a history holds.</summary>
    public static readonly LocalDate Beginning = new(1, 1, 1);

    public static readonly LocalDate End = new(9999, 12, 31);

    public static IReadOnlyList<ListedDeadline> Of(CaseState state, CourtCalendar calendar)
    {
        var changes = ChangeDays(state, calendar);
        var spans = new List<ListedDeadline>();
        var open = new List<(Deadline Deadline, LocalDate From)>();
        var days = new List<LocalDate> { changes.Count == 0 ? Beginning : changes.Min.PlusDays(-1) };
        days.AddRange(changes);
        for (var i = 0; i < days.Count; i++)
        {
            var from = i == 0 ? Beginning : days[i];
            var listed = DeadlineCalculator.For(state, calendar, days[i]).ToList();
            // A clock still listed carries on; one no longer listed ended the day before.
            var stillOpen = new List<(Deadline Deadline, LocalDate From)>();
            foreach (var running in open)
            {
                var index = listed.IndexOf(running.Deadline);
                if (index >= 0)
                {
                    listed.RemoveAt(index);
                    stillOpen.Add(running);
                }
                else
                {
                    spans.Add(new(running.Deadline, running.From, from.PlusDays(-1)));
                }
            }

            stillOpen.AddRange(listed.Select(d => (d, from)));
            open = stillOpen;
        }

        spans.AddRange(open.Select(o => new ListedDeadline(o.Deadline, o.From, End)));
        return [.. spans.OrderBy(s => s.Deadline.Due).ThenBy(s => s.Deadline.Kind, StringComparer.Ordinal).ThenBy(s => s.ListedFrom)];
    }

    /// <summary>
    /// Every day on which the listing may differ from the day before: the day after each due date
    /// (a window that closes on its last day), the end of a voluntary departure period, and the
    /// day an order becomes final. A superset is harmless; a property test holds the result to
    /// <see cref="DeadlineCalculator.For"/> on random days.
    /// </summary>
    private static SortedSet<LocalDate> ChangeDays(CaseState state, CourtCalendar calendar)
    {
        var days = new SortedSet<LocalDate>();
        void Add(LocalDate? day)
        {
            if (day is { } d && d > Beginning.PlusDays(1) && d < End.PlusDays(-1))
            {
                days.Add(d);
            }
        }

        if (Proceedings.AppealDeadline(state, calendar) is { } appeal)
        {
            Add(appeal.PlusDays(1));
        }

        if (Proceedings.VoluntaryDeparture(state, calendar) is { } vd)
        {
            Add(vd.Due.PlusDays(1));
            Add(vd.EndedOn);
        }

        Add(Proceedings.Finality(state, calendar, End.PlusDays(-2))?.Since);
        foreach (var motion in state.Motions)
        {
            if (motion.DecidedOn is { } decided)
            {
                Add(calendar.DaysAfter(decided, 30).PlusDays(1));
            }
        }

        // And the day after every due date listed on any of those days.
        foreach (var day in days.ToList().Prepend(Beginning.PlusDays(2)))
        {
            foreach (var deadline in DeadlineCalculator.For(state, calendar, day))
            {
                Add(deadline.Due.PlusDays(1));
            }
        }

        return days;
    }
}
