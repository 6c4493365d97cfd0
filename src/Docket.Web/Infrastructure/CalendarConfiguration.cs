using Docket.Domain.Calendar;
using Docket.Domain.Events;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Reads the court calendar's editable parts from configuration (appsettings.json or
/// environment variables such as <c>Docket__Calendar__ExtraClosures__0=2026-12-24</c>).
/// </summary>
public static class CalendarConfiguration
{
    public static CourtCalendar Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Docket:Calendar");
        var closures = section.GetSection("ExtraClosures").Get<string[]>() ?? [];
        var dates = closures.Select(text => EventJson.DatePattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new InvalidOperationException($"Docket:Calendar:ExtraClosures: '{text}' is not a date written YYYY-MM-DD"));
        return new CourtCalendar(dates, section.GetValue("InaugurationDayClosed", true));
    }
}
