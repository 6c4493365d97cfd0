using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Docket.Web.Pages;

/// <summary>Dates as a person reads them: "Thursday, 31 December 2026"; the ISO form goes in <c>&lt;time datetime&gt;</c>.</summary>
public static class PlainDates
{
    private static readonly InstantPattern Moment = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");

    public static string Text(LocalDate date) => Docket.Domain.Calendar.DateWords.Of(date);

    public static string Iso(LocalDate date) => Docket.Domain.Events.EventJson.DatePattern.Format(date);

    /// <summary>An instant shown in the legal time zone: "Monday, 2 June 2025, 11:00".</summary>
    public static string Text(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return $"{Text(local.Date)}, {local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string Iso(Instant instant) => Moment.Format(instant);

    public static bool TryInstant(string text, out Instant instant)
    {
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        instant = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    /// <summary>"in 5 days", "today", "3 days ago".</summary>
    public static string Relative(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        > 0 => $"in {days} days",
        _ => $"{-days} days ago",
    };
}
