using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Docket.Web.Language;

/// <summary>
/// Dates as people write them: "Thursday, 31 December 2026", "jueves, 31 de diciembre de 2026".
/// The names come from the resources, not from the operating system's culture data, so every
/// server writes the same words and a new language needs only its resource file.
/// </summary>
public sealed class LanguageDates(IStringLocalizer<PlainText> text)
{
    public string WithWeekday(LocalDate date) => Format("Date.Long", date);

    /// <summary>Without the weekday: "8 May 2023", "8 de mayo de 2023".</summary>
    public string DayMonthYear(LocalDate date) => Format("Date.Short", date);

    /// <summary>ISO 8601, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private string Format(string pattern, LocalDate date) => string.Format(
        CultureInfo.InvariantCulture,
        text[pattern],
        text[$"Weekday.{(int)date.DayOfWeek}"],
        date.Day,
        text[$"Month.{date.Month}"],
        date.Year);
}
