using Docket.Domain.Calendar;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Web.Infrastructure;

/// <summary>
/// Time for the web host: the injected clock (every "now" in Docket is read from it), today's
/// legal date, and the court calendar, whose editable parts come from configuration
/// (appsettings.json or environment variables such as <c>Docket__Calendar__ExtraClosures__0=2026-12-24</c>).
/// </summary>
public static class CalendarConfiguration
{
    public static IServiceCollection AddDocketCalendar(this IServiceCollection services, DocketWebOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(new LegalClock(options.Clock, DateTimeZoneProviders.Tzdb[options.LegalTimeZone]));
        services.AddSingleton(options.Calendar ?? Read(configuration));
        return services;
    }

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
