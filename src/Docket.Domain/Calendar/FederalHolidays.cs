using NodaTime;

namespace Docket.Domain.Calendar;

/// <summary>
/// The legal public holidays of 5 U.S.C. 6103(a) (HOLIDAY-LIST), computed for any year from
/// their rules rather than listed by hand, with the observed day of HOLIDAY-OBSERVED:
/// a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after.
/// </summary>
public static class FederalHolidays
{
    /// <summary>Juneteenth National Independence Day became a legal holiday on June 17, 2021.</summary>
    private const int FirstJuneteenth = 2021;

    public static IReadOnlyList<FederalHoliday> For(int year)
    {
        var holidays = new List<FederalHoliday>
        {
            Fixed("New Year's Day", year, 1, 1),
            new("Birthday of Martin Luther King, Jr.", Nth(year, 1, IsoDayOfWeek.Monday, 3), Nth(year, 1, IsoDayOfWeek.Monday, 3)),
            new("Washington's Birthday", Nth(year, 2, IsoDayOfWeek.Monday, 3), Nth(year, 2, IsoDayOfWeek.Monday, 3)),
            new("Memorial Day", Last(year, 5, IsoDayOfWeek.Monday), Last(year, 5, IsoDayOfWeek.Monday)),
        };
        if (year >= FirstJuneteenth)
        {
            holidays.Add(Fixed("Juneteenth National Independence Day", year, 6, 19));
        }

        holidays.Add(Fixed("Independence Day", year, 7, 4));
        holidays.Add(new("Labor Day", Nth(year, 9, IsoDayOfWeek.Monday, 1), Nth(year, 9, IsoDayOfWeek.Monday, 1)));
        holidays.Add(new("Columbus Day", Nth(year, 10, IsoDayOfWeek.Monday, 2), Nth(year, 10, IsoDayOfWeek.Monday, 2)));
        holidays.Add(Fixed("Veterans Day", year, 11, 11));
        holidays.Add(new("Thanksgiving Day", Nth(year, 11, IsoDayOfWeek.Thursday, 4), Nth(year, 11, IsoDayOfWeek.Thursday, 4)));
        holidays.Add(Fixed("Christmas Day", year, 12, 25));
        return holidays;
    }

    /// <summary>
    /// Inauguration Day (HOLIDAY-OBSERVED, 5 U.S.C. 6103(c)): January 20 of each year after a
    /// presidential election, or January 21 when the 20th is a Sunday. A holiday only in the
    /// District of Columbia area, which includes the BIA in Falls Church, VA.
    /// </summary>
    public static LocalDate? InaugurationDay(int year)
    {
        if (year % 4 != 1)
        {
            return null;
        }

        var day = new LocalDate(year, 1, 20);
        return day.DayOfWeek == IsoDayOfWeek.Sunday ? day.PlusDays(1) : day;
    }

    private static FederalHoliday Fixed(string name, int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        var observed = date.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => date.PlusDays(-1),
            IsoDayOfWeek.Sunday => date.PlusDays(1),
            _ => date,
        };
        return new FederalHoliday(name, date, observed);
    }

    private static LocalDate Nth(int year, int month, IsoDayOfWeek day, int n) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(day)).PlusWeeks(n - 1);

    private static LocalDate Last(int year, int month, IsoDayOfWeek day) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(day));
}
