using NodaTime;

namespace Docket.Web.Infrastructure;

/// <summary>Today's legal date, read from the injected clock in the configured time zone.</summary>
public sealed class LegalCalendar(IClock clock, DateTimeZone zone)
{
    public LocalDate Today() => clock.GetCurrentInstant().InZone(zone).Date;
}
