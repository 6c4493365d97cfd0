using Docket.Domain.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Docket.Domain.Tests.Properties;

/// <summary>TIME-DAYS: a due date counted in calendar days is never a weekend or a holiday, and is the first open day.</summary>
public sealed class DueDateProperty
{
    private static readonly LocalDate From = new(2000, 1, 1);
    private static readonly int Days = Period.Between(From, new LocalDate(2100, 12, 31), PeriodUnits.Days).Days;

    private static readonly Arbitrary<(LocalDate Trigger, int Count)> Triggers =
        Gen.Choose(0, Days).Select(d => From.PlusDays(d))
            .SelectMany(_ => Gen.Choose(0, 400), (trigger, count) => (trigger, count))
            .ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property A_due_date_is_never_a_weekend_or_a_holiday() =>
        Prop.ForAll(Triggers, t =>
        {
            var due = CourtCalendar.Default.DaysAfter(t.Trigger, t.Count);

            var holidays = FederalHolidays.For(due.Year).Concat(FederalHolidays.For(due.Year + 1)).Select(h => h.Observed);
            return (!CourtCalendar.IsWeekend(due)
                    && !holidays.Contains(due)
                    && FederalHolidays.InaugurationDay(due.Year) != due
                    && CourtCalendar.Default.IsBusinessDay(due))
                .Label($"{t.Count} days after {t.Trigger} gave {due} ({due.DayOfWeek})");
        });

    [Property(MaxTest = 3000)]
    public Property A_due_date_is_the_first_business_day_on_or_after_the_last_counted_day() =>
        Prop.ForAll(Triggers, t =>
        {
            var lastCounted = t.Trigger.PlusDays(t.Count);
            var due = CourtCalendar.Default.DaysAfter(t.Trigger, t.Count);

            var skipped = Enumerable.Range(0, Period.Between(lastCounted, due, PeriodUnits.Days).Days).Select(lastCounted.PlusDays);
            return (due >= lastCounted
                    && Period.Between(lastCounted, due, PeriodUnits.Days).Days <= 4
                    && skipped.All(d => !CourtCalendar.Default.IsBusinessDay(d)))
                .Label($"{t.Count} days after {t.Trigger}: last counted {lastCounted}, due {due}");
        });

    [Property(MaxTest = 1000)]
    public Property Five_business_days_land_on_a_business_day_within_two_weeks() =>
        Prop.ForAll(Triggers, t =>
        {
            var due = CourtCalendar.Default.BusinessDaysAfter(t.Trigger, 5);

            return (CourtCalendar.Default.IsBusinessDay(due)
                    && due > t.Trigger
                    && Period.Between(t.Trigger, due, PeriodUnits.Days).Days <= 14)
                .Label($"5 business days after {t.Trigger} gave {due}");
        });
}
