using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Docket.Domain.Tests.Properties;

/// <summary>
/// The deadlines a history lists on a day, read from its timeline (computed once), are exactly the
/// deadlines <see cref="DeadlineCalculator.For"/> computes on that day: what the stored projection
/// of a caseload's deadlines relies on.
/// </summary>
public sealed class DeadlineTimelineProperty
{
    private static IReadOnlyList<Deadline> Listed(IReadOnlyList<ListedDeadline> timeline, LocalDate day) =>
        [.. timeline.Where(s => s.ListedFrom <= day && day <= s.ListedUntil).Select(s => s.Deadline)
            .OrderBy(d => d.Due).ThenBy(d => d.Kind, StringComparer.Ordinal)];

    private static string Show(IEnumerable<Deadline> deadlines) => string.Join(", ", deadlines.Select(d => $"{d.Kind} {d.Due} {d.Rule}"));

    [Property(MaxTest = 2000)]
    public Property The_timeline_lists_on_any_day_what_the_calculator_computes_that_day() =>
        Prop.ForAll(Histories.CheckedHistory.ToArbitrary(), history =>
        {
            var state = CaseHistory.Fold(history.Events);
            var timeline = DeadlineTimeline.Of(state, CourtCalendar.Default);
            // The day asked, and days around each end of each span, where an off-by-one would show.
            var days = timeline.SelectMany(s => new[] { s.ListedFrom, s.ListedUntil })
                .Where(d => d > DeadlineTimeline.Beginning && d < DeadlineTimeline.End)
                .SelectMany(d => new[] { d.PlusDays(-1), d, d.PlusDays(1) })
                .Append(history.On);
            foreach (var day in days)
            {
                var expected = DeadlineCalculator.For(state, CourtCalendar.Default, day);
                var actual = Listed(timeline, day);
                if (!expected.SequenceEqual(actual))
                {
                    return false.Label($"{history} on {day}: calculator [{Show(expected)}], timeline [{Show(actual)}]");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 500)]
    public Property Spans_are_never_empty() =>
        Prop.ForAll(Histories.CheckedHistory.ToArbitrary(), history =>
            DeadlineTimeline.Of(CaseHistory.Fold(history.Events), CourtCalendar.Default).All(s => s.ListedFrom <= s.ListedUntil)
                .Label(history.ToString()));
}
