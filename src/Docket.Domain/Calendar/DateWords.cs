using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Docket.Domain.Calendar;

/// <summary>
/// A date in the words of a message: "Wednesday, 2 July 2025". Messages once interpolated dates
/// as they were, which gives the culture's long pattern ("Wednesday, 02 July 2025" under the
/// invariant culture) beside the pages' "2 July".
/// </summary>
public static class DateWords
{
    private static readonly LocalDatePattern Long = LocalDatePattern.Create("dddd, d MMMM uuuu", CultureInfo.InvariantCulture);

    public static string Of(LocalDate date) => Long.Format(date);

    /// <summary>Nothing for no date, as the interpolation it replaces wrote.</summary>
    public static string Of(LocalDate? date) => date is { } known ? Long.Format(known) : "";
}
