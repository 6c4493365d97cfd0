using NodaTime;

namespace Docket.Domain.Calendar;

/// <summary>
/// Today's legal date: the injected clock read in the configured time zone (the office's).
/// Rules take the date it gives as an argument; they never read a clock themselves.
/// </summary>
public sealed class LegalClock(IClock clock, DateTimeZone zone)
{
    /// <summary>EOIR counts filing days in Eastern time, so by default "today" is the date there.</summary>
    public const string DefaultZoneId = "America/New_York";

    public DateTimeZone Zone { get; } = zone;

    /// <summary>The clock read in <see cref="DefaultZoneId"/>.</summary>
    public static LegalClock InDefaultZone(IClock clock) => new(clock, DateTimeZoneProviders.Tzdb[DefaultZoneId]);

    public LocalDate Today() => clock.GetCurrentInstant().InZone(Zone).Date;
}
