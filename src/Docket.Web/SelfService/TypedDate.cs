using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Docket.Web.SelfService;

/// <summary>Which way of writing a date the person used, so the page can say how it read it.</summary>
public enum DateWriting { MonthDayYear, IsoYearMonthDay }

/// <summary>
/// A date as people type it on the pages (a date of birth, the day they left): <c>MM/DD/YYYY</c> (the way U.S. forms
/// ask for it, one-digit month and day allowed) or <c>YYYY-MM-DD</c> (what a date picker sends).
/// Nothing else is guessed at: <c>08/03/1990</c> is always 3 August, never 8 March.
/// </summary>
public static class TypedDate
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern UnitedStates = LocalDatePattern.CreateWithInvariantCulture("M/d/uuuu");

    public static bool TryParse(string? text, out LocalDate date, out DateWriting writing)
    {
        date = default;
        writing = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is < 8 or > 10)
        {
            return false;
        }

        if (trimmed.Contains('/', StringComparison.Ordinal) && UnitedStates.Parse(trimmed) is { Success: true } us && us.Value.Year >= 1000)
        {
            (date, writing) = (us.Value, DateWriting.MonthDayYear);
            return true;
        }

        if (trimmed.Length == 10 && Iso.Parse(trimmed) is { Success: true } iso)
        {
            (date, writing) = (iso.Value, DateWriting.IsoYearMonthDay);
            return true;
        }

        return false;
    }

    /// <summary>The date as the API's sign-in takes it.</summary>
    public static string ToWire(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
