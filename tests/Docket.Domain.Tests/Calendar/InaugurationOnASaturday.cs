using Docket.Domain.Calendar;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Calendar;

/// <summary>HOLIDAY-OBSERVED: when Inauguration Day falls on a Saturday there is no holiday in lieu.</summary>
public sealed class InaugurationOnASaturday
{
    [Fact]
    public void Saturday_20_January_2029_gives_no_Friday_holiday_in_lieu()
    {
        Assert.Equal(Day(2029, 1, 20), FederalHolidays.InaugurationDay(2029));
        Assert.Equal(NodaTime.IsoDayOfWeek.Saturday, Day(2029, 1, 20).DayOfWeek);

        Assert.True(CourtCalendar.Default.IsBusinessDay(Day(2029, 1, 19)));
        Assert.Equal(Day(2029, 1, 19), CourtCalendar.Default.RollForward(Day(2029, 1, 19)));
    }

    [Fact]
    public void A_deadline_on_that_Saturday_rolls_to_Monday_22_January_2029()
    {
        // 30 days after Thursday 2028-12-21 is Saturday 2029-01-20.
        Assert.Equal(Day(2029, 1, 22), CourtCalendar.Default.DaysAfter(Day(2028, 12, 21), 30));
    }
}
