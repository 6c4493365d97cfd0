using Docket.Domain.Calendar;
using NodaTime;

namespace Docket.Domain.Tests.Calendar;

/// <summary>
/// The federal holidays of 2024 to 2030 as OPM publishes them (HOLIDAY-LIST, HOLIDAY-OBSERVED),
/// written out as literal dates rather than computed, so the calendar's rules are checked
/// against the published list and not against themselves.
/// </summary>
public sealed class FederalHolidayTable
{
    private const string NewYear = "New Year's Day";
    private const string Mlk = "Birthday of Martin Luther King, Jr.";
    private const string Washington = "Washington's Birthday";
    private const string Memorial = "Memorial Day";
    private const string Juneteenth = "Juneteenth National Independence Day";
    private const string Independence = "Independence Day";
    private const string Labor = "Labor Day";
    private const string Columbus = "Columbus Day";
    private const string Veterans = "Veterans Day";
    private const string Thanksgiving = "Thanksgiving Day";
    private const string Christmas = "Christmas Day";

    /// <summary>Year, holiday, the day it legally falls on, the day offices close for it.</summary>
    public static TheoryData<int, string, string, string> Published => new()
    {
        { 2024, NewYear, "2024-01-01", "2024-01-01" },
        { 2024, Mlk, "2024-01-15", "2024-01-15" },
        { 2024, Washington, "2024-02-19", "2024-02-19" },
        { 2024, Memorial, "2024-05-27", "2024-05-27" },
        { 2024, Juneteenth, "2024-06-19", "2024-06-19" },
        { 2024, Independence, "2024-07-04", "2024-07-04" },
        { 2024, Labor, "2024-09-02", "2024-09-02" },
        { 2024, Columbus, "2024-10-14", "2024-10-14" },
        { 2024, Veterans, "2024-11-11", "2024-11-11" },
        { 2024, Thanksgiving, "2024-11-28", "2024-11-28" },
        { 2024, Christmas, "2024-12-25", "2024-12-25" },

        { 2025, NewYear, "2025-01-01", "2025-01-01" },
        { 2025, Mlk, "2025-01-20", "2025-01-20" }, // also Inauguration Day
        { 2025, Washington, "2025-02-17", "2025-02-17" },
        { 2025, Memorial, "2025-05-26", "2025-05-26" },
        { 2025, Juneteenth, "2025-06-19", "2025-06-19" },
        { 2025, Independence, "2025-07-04", "2025-07-04" },
        { 2025, Labor, "2025-09-01", "2025-09-01" },
        { 2025, Columbus, "2025-10-13", "2025-10-13" },
        { 2025, Veterans, "2025-11-11", "2025-11-11" },
        { 2025, Thanksgiving, "2025-11-27", "2025-11-27" },
        { 2025, Christmas, "2025-12-25", "2025-12-25" },

        { 2026, NewYear, "2026-01-01", "2026-01-01" },
        { 2026, Mlk, "2026-01-19", "2026-01-19" },
        { 2026, Washington, "2026-02-16", "2026-02-16" },
        { 2026, Memorial, "2026-05-25", "2026-05-25" },
        { 2026, Juneteenth, "2026-06-19", "2026-06-19" },
        { 2026, Independence, "2026-07-04", "2026-07-03" }, // Saturday: Friday before
        { 2026, Labor, "2026-09-07", "2026-09-07" },
        { 2026, Columbus, "2026-10-12", "2026-10-12" },
        { 2026, Veterans, "2026-11-11", "2026-11-11" },
        { 2026, Thanksgiving, "2026-11-26", "2026-11-26" },
        { 2026, Christmas, "2026-12-25", "2026-12-25" },

        { 2027, NewYear, "2027-01-01", "2027-01-01" },
        { 2027, Mlk, "2027-01-18", "2027-01-18" },
        { 2027, Washington, "2027-02-15", "2027-02-15" },
        { 2027, Memorial, "2027-05-31", "2027-05-31" },
        { 2027, Juneteenth, "2027-06-19", "2027-06-18" }, // Saturday: Friday before
        { 2027, Independence, "2027-07-04", "2027-07-05" }, // Sunday: Monday after
        { 2027, Labor, "2027-09-06", "2027-09-06" },
        { 2027, Columbus, "2027-10-11", "2027-10-11" },
        { 2027, Veterans, "2027-11-11", "2027-11-11" },
        { 2027, Thanksgiving, "2027-11-25", "2027-11-25" },
        { 2027, Christmas, "2027-12-25", "2027-12-24" }, // Saturday: Friday before

        { 2028, NewYear, "2028-01-01", "2027-12-31" }, // Saturday: Friday December 31 of the year before
        { 2028, Mlk, "2028-01-17", "2028-01-17" },
        { 2028, Washington, "2028-02-21", "2028-02-21" },
        { 2028, Memorial, "2028-05-29", "2028-05-29" },
        { 2028, Juneteenth, "2028-06-19", "2028-06-19" },
        { 2028, Independence, "2028-07-04", "2028-07-04" },
        { 2028, Labor, "2028-09-04", "2028-09-04" },
        { 2028, Columbus, "2028-10-09", "2028-10-09" },
        { 2028, Veterans, "2028-11-11", "2028-11-10" }, // Saturday: Friday before
        { 2028, Thanksgiving, "2028-11-23", "2028-11-23" },
        { 2028, Christmas, "2028-12-25", "2028-12-25" },

        { 2029, NewYear, "2029-01-01", "2029-01-01" },
        { 2029, Mlk, "2029-01-15", "2029-01-15" },
        { 2029, Washington, "2029-02-19", "2029-02-19" },
        { 2029, Memorial, "2029-05-28", "2029-05-28" },
        { 2029, Juneteenth, "2029-06-19", "2029-06-19" },
        { 2029, Independence, "2029-07-04", "2029-07-04" },
        { 2029, Labor, "2029-09-03", "2029-09-03" },
        { 2029, Columbus, "2029-10-08", "2029-10-08" },
        { 2029, Veterans, "2029-11-11", "2029-11-12" }, // Sunday: Monday after
        { 2029, Thanksgiving, "2029-11-22", "2029-11-22" },
        { 2029, Christmas, "2029-12-25", "2029-12-25" },

        { 2030, NewYear, "2030-01-01", "2030-01-01" },
        { 2030, Mlk, "2030-01-21", "2030-01-21" },
        { 2030, Washington, "2030-02-18", "2030-02-18" },
        { 2030, Memorial, "2030-05-27", "2030-05-27" },
        { 2030, Juneteenth, "2030-06-19", "2030-06-19" },
        { 2030, Independence, "2030-07-04", "2030-07-04" },
        { 2030, Labor, "2030-09-02", "2030-09-02" },
        { 2030, Columbus, "2030-10-14", "2030-10-14" },
        { 2030, Veterans, "2030-11-11", "2030-11-11" },
        { 2030, Thanksgiving, "2030-11-28", "2030-11-28" },
        { 2030, Christmas, "2030-12-25", "2030-12-25" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void The_calendar_lists_the_published_holiday_and_its_observed_day(int year, string name, string date, string observed)
    {
        var holiday = Assert.Single(FederalHolidays.For(year), h => h.Name == name);

        Assert.Equal(Day(date), holiday.Date);
        Assert.Equal(Day(observed), holiday.Observed);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void The_observed_day_is_not_a_business_day(int year, string name, string date, string observed)
    {
        _ = (year, name, date);

        Assert.False(CourtCalendar.Default.IsBusinessDay(Day(observed)), $"{name} observed {observed}");
        Assert.True(CourtCalendar.Default.IsClosure(Day(observed)), $"{name} observed {observed}");
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void A_weekend_holiday_closes_only_its_observed_day(int year, string name, string date, string observed)
    {
        var legal = Day(date);
        if (legal == Day(observed))
        {
            Assert.False(CourtCalendar.IsWeekend(legal), $"{name} {year} falls on a weekday and is observed that day");
            return;
        }

        // Saturday: observed the Friday before, so the Monday after is a business day;
        // Sunday: observed the Monday after, so the Friday before is a business day.
        Assert.True(CourtCalendar.IsWeekend(legal));
        var otherSide = legal.DayOfWeek == IsoDayOfWeek.Saturday ? legal.PlusDays(2) : legal.PlusDays(-2);
        Assert.True(CourtCalendar.Default.IsBusinessDay(otherSide), $"{name} {year}: {otherSide} should be open");
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    public void Each_year_has_the_eleven_holidays_of_5_USC_6103a(int year)
    {
        var names = FederalHolidays.For(year).Select(h => h.Name).ToList();

        Assert.Equal(11, names.Count);
        Assert.Equal(11, names.Distinct().Count());
        Assert.Equal(11, Published.Count(row => (int)row[0] == year));
    }

    [Fact]
    public void Before_2021_there_is_no_Juneteenth()
    {
        Assert.DoesNotContain(FederalHolidays.For(2020), h => h.Name == Juneteenth);
        Assert.True(CourtCalendar.Default.IsBusinessDay(Day("2020-06-19")));
        Assert.Contains(FederalHolidays.For(2021), h => h.Name == Juneteenth && h.Observed == Day("2021-06-18"));
    }

    private static LocalDate Day(string text) => Docket.Domain.Events.EventJson.DatePattern.Parse(text).Value;
}
