using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// TIME-DAYS with HOLIDAY-LIST and HOLIDAY-OBSERVED: a 30-day appeal deadline (APPEAL-IJ-30D)
/// whose day 30 is a closed day moves to the next business day. Expected dates are written out
/// from the published calendar. For Monday holidays day 30 is a Monday only when day 0 is a
/// Saturday (a written decision served that day), which is fine for counting.
/// </summary>
public sealed class HolidayRollover
{
    /// <summary>The holiday on day 30, the decision date, the last day to appeal.</summary>
    public static TheoryData<string, LocalDate, LocalDate> OneCasePerHoliday => new()
    {
        { "New Year's Day, Thursday 2026-01-01", Day(2025, 12, 2), Day(2026, 1, 2) },
        { "MLK Day, Monday 2026-01-19", Day(2025, 12, 20), Day(2026, 1, 20) },
        { "Washington's Birthday, Monday 2026-02-16", Day(2026, 1, 17), Day(2026, 2, 17) },
        { "Memorial Day, Monday 2026-05-25", Day(2026, 4, 25), Day(2026, 5, 26) },
        { "Juneteenth, Thursday 2025-06-19", Day(2025, 5, 20), Day(2025, 6, 20) },
        { "Independence Day, Thursday 2024-07-04", Day(2024, 6, 4), Day(2024, 7, 5) },
        { "Labor Day, Monday 2026-09-07", Day(2026, 8, 8), Day(2026, 9, 8) },
        { "Columbus Day, Monday 2026-10-12", Day(2026, 9, 12), Day(2026, 10, 13) },
        { "Veterans Day, Thursday 2027-11-11", Day(2027, 10, 12), Day(2027, 11, 12) },
        { "Thanksgiving, Thursday 2025-11-27: rolls to Friday", Day(2025, 10, 28), Day(2025, 11, 28) },
        { "Christmas Day, Wednesday 2024-12-25", Day(2024, 11, 25), Day(2024, 12, 26) },
        { "Inauguration Day, Thursday 2033-01-20", Day(2032, 12, 21), Day(2033, 1, 21) },
    };

    /// <summary>Weekends and observed days: day 30, the decision date, the last day to appeal.</summary>
    public static TheoryData<string, LocalDate, LocalDate> WeekendsAndObservedDays => new()
    {
        { "a Saturday, 2025-06-07", Day(2025, 5, 8), Day(2025, 6, 9) },
        { "a Sunday, 2025-04-06", Day(2025, 3, 7), Day(2025, 4, 7) },
        { "a Saturday before Labor Day, 2024-08-31", Day(2024, 8, 1), Day(2024, 9, 3) },
        { "Friday 2026-07-03, observed for Saturday July 4", Day(2026, 6, 3), Day(2026, 7, 6) },
        { "Friday 2026-06-19, Juneteenth before a weekend", Day(2026, 5, 20), Day(2026, 6, 22) },
        { "Friday 2027-06-18, observed for Saturday Juneteenth", Day(2027, 5, 19), Day(2027, 6, 21) },
        { "Friday 2027-12-24, observed for Saturday Christmas", Day(2027, 11, 24), Day(2027, 12, 27) },
        { "Friday 2027-12-31, observed for Saturday New Year's Day 2028", Day(2027, 12, 1), Day(2028, 1, 3) },
        { "Friday 2028-11-10, observed for Saturday Veterans Day", Day(2028, 10, 11), Day(2028, 11, 13) },
        { "Monday 2027-07-05, observed for Sunday July 4", Day(2027, 6, 5), Day(2027, 7, 6) },
        { "Monday 2029-11-12, observed for Sunday Veterans Day", Day(2029, 10, 13), Day(2029, 11, 13) },
    };

    [Theory]
    [MemberData(nameof(OneCasePerHoliday))]
    public void An_appeal_deadline_on_a_holiday_moves_to_the_next_business_day(string holiday, LocalDate decided, LocalDate due)
    {
        Assert.False(CourtCalendar.Default.IsBusinessDay(decided.PlusDays(30)), holiday);

        Assert.Equal(due, AppealDeadline(decided));
        Assert.True(CourtCalendar.Default.IsBusinessDay(due));
    }

    [Theory]
    [MemberData(nameof(WeekendsAndObservedDays))]
    public void An_appeal_deadline_on_a_weekend_or_observed_day_moves_to_the_next_business_day(string day30, LocalDate decided, LocalDate due)
    {
        Assert.False(CourtCalendar.Default.IsBusinessDay(decided.PlusDays(30)), day30);

        Assert.Equal(due, AppealDeadline(decided));
    }

    [Fact]
    public void A_deadline_on_Thanksgiving_Thursday_rolls_to_Friday_not_Monday()
    {
        var due = AppealDeadline(Day(2025, 10, 28));

        Assert.Equal(Day(2025, 11, 28), due);
        Assert.Equal(IsoDayOfWeek.Friday, due.DayOfWeek);
    }

    [Fact]
    public void A_deadline_on_a_business_day_does_not_move()
    {
        // Monday 2025-03-03 + 30 = Wednesday 2025-04-02.
        Assert.Equal(Day(2025, 4, 2), AppealDeadline(Day(2025, 3, 3)));
    }

    [Fact]
    public void The_trigger_day_is_day_0_and_the_last_day_is_counted()
    {
        Assert.Equal(Day(2025, 3, 13), CourtCalendar.Default.DaysAfter(Day(2025, 3, 3), 10));
        Assert.Equal(Day(2025, 3, 3), CourtCalendar.Default.DaysAfter(Day(2025, 3, 3), 0));
    }

    /// <summary>The appeal deadline the calculator lists the day after a reserved-appeal decision.</summary>
    internal static LocalDate AppealDeadline(LocalDate decided)
    {
        var decision = new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: CountryCode.Parse("MEX"), Appeal: AppealChoice.Reserved) { On = decided };
        var state = CaseHistory.Fold([Opened(), decision]);
        var appeal = Assert.Single(DeadlineCalculator.For(state, CourtCalendar.Default, decided), d => d.Kind == DeadlineKinds.Appeal);
        Assert.Equal(RuleIds.AppealIj30D, appeal.Rule);
        Assert.Equal(appeal.Due, Proceedings.AppealDeadline(state, CourtCalendar.Default));
        return appeal.Due;
    }
}
