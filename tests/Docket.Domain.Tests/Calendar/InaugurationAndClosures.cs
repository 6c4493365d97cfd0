using Docket.Domain.Calendar;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Calendar;

/// <summary>
/// Inauguration Day (5 U.S.C. 6103(c), a holiday for the BIA in Falls Church) and the editable
/// closures of the court calendar (TIME-RECEIPT: an unplanned closure moves the last day).
/// </summary>
public sealed class InaugurationAndClosures
{
    [Fact]
    public void Inauguration_Day_2025_is_a_Monday_and_also_MLK_Day()
    {
        Assert.Equal(Day(2025, 1, 20), FederalHolidays.InaugurationDay(2025));
        Assert.Equal(IsoDayOfWeek.Monday, Day(2025, 1, 20).DayOfWeek);
        Assert.Contains(FederalHolidays.For(2025), h => h.Observed == Day(2025, 1, 20));
        Assert.False(CourtCalendar.Default.IsBusinessDay(Day(2025, 1, 20)));
        // Closed either way: it is MLK Day too.
        Assert.False(new CourtCalendar(inaugurationDayClosed: false).IsBusinessDay(Day(2025, 1, 20)));
    }

    [Fact]
    public void Inauguration_Day_2029_is_a_Saturday_with_no_day_in_lieu()
    {
        Assert.Equal(Day(2029, 1, 20), FederalHolidays.InaugurationDay(2029));
        Assert.Equal(IsoDayOfWeek.Saturday, Day(2029, 1, 20).DayOfWeek);
        Assert.True(CourtCalendar.Default.IsBusinessDay(Day(2029, 1, 19)));
        Assert.True(CourtCalendar.Default.IsBusinessDay(Day(2029, 1, 22)));
    }

    [Fact]
    public void Inauguration_Day_2033_is_a_Thursday_closed_by_default_and_open_when_configured()
    {
        var thursday = Day(2033, 1, 20);

        Assert.Equal(IsoDayOfWeek.Thursday, thursday.DayOfWeek);
        Assert.False(CourtCalendar.Default.IsBusinessDay(thursday));
        Assert.True(new CourtCalendar(inaugurationDayClosed: false).IsBusinessDay(thursday));
        Assert.Equal(Day(2033, 1, 21), CourtCalendar.Default.DaysAfter(Day(2032, 12, 21), 30));
        Assert.Equal(thursday, new CourtCalendar(inaugurationDayClosed: false).DaysAfter(Day(2032, 12, 21), 30));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2030)]
    public void There_is_no_Inauguration_Day_outside_the_year_after_an_election(int year)
    {
        Assert.Null(FederalHolidays.InaugurationDay(year));
    }

    [Fact]
    public void Inauguration_Day_on_a_Sunday_moves_to_Monday_the_21st()
    {
        // January 20, 2041 is a Sunday.
        Assert.Equal(IsoDayOfWeek.Sunday, Day(2041, 1, 20).DayOfWeek);
        Assert.Equal(Day(2041, 1, 21), FederalHolidays.InaugurationDay(2041));
    }

    [Fact]
    public void An_extra_closure_is_not_a_business_day_and_moves_a_deadline()
    {
        var outage = Day(2025, 4, 7);
        var calendar = new CourtCalendar([outage]);

        Assert.True(CourtCalendar.Default.IsBusinessDay(outage));
        Assert.False(calendar.IsBusinessDay(outage));
        Assert.True(calendar.IsClosure(outage));
        // Day 30 after Friday 2025-03-07 is Sunday 2025-04-06; Monday is the outage: Tuesday.
        Assert.Equal(Day(2025, 4, 7), CourtCalendar.Default.DaysAfter(Day(2025, 3, 7), 30));
        Assert.Equal(Day(2025, 4, 8), calendar.DaysAfter(Day(2025, 3, 7), 30));
    }

    [Fact]
    public void An_extra_closure_is_skipped_when_counting_business_days()
    {
        // Monday 2025-03-03: Tue 4, Wed 5 (closed), Thu 6, Fri 7, Mon 10, Tue 11.
        var calendar = new CourtCalendar([Day(2025, 3, 5)]);

        Assert.Equal(Day(2025, 3, 10), CourtCalendar.Default.BusinessDaysAfter(Day(2025, 3, 3), 5));
        Assert.Equal(Day(2025, 3, 11), calendar.BusinessDaysAfter(Day(2025, 3, 3), 5));
    }

    [Fact]
    public void Consecutive_closures_roll_a_deadline_past_all_of_them()
    {
        // Christmas 2025 is a Thursday; closing Friday the 26th too rolls to Monday the 29th.
        var calendar = new CourtCalendar([Day(2025, 12, 26)]);

        Assert.Equal(Day(2025, 12, 26), CourtCalendar.Default.RollForward(Day(2025, 12, 25)));
        Assert.Equal(Day(2025, 12, 29), calendar.RollForward(Day(2025, 12, 25)));
    }

    [Fact]
    public void Any_date_of_the_last_representable_year_can_be_asked_about()
    {
        // Bug: IsClosure looked up the holidays of the year after, which for 9999 does not
        // exist, so asking about any day of 9999 threw.
        Assert.True(CourtCalendar.Default.IsBusinessDay(Day(9999, 6, 15)));
        Assert.False(CourtCalendar.Default.IsBusinessDay(Day(9999, 12, 24))); // Christmas is a Saturday
        var exception = Record.Exception(() => CourtCalendar.Default.IsBusinessDay(Day(9999, 12, 31)));
        Assert.Null(exception);
    }
}
