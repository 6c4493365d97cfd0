using Docket.Store;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Staff;
using Docket.Store.Users;

namespace Docket.Web.Infrastructure;

/// <summary>The Store's services for the web host: one database, one writer, shared by every request.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddDocketStore(this IServiceCollection services, DocketDatabase database, DocketWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(database);
        services.AddSingleton<DatabaseProbe>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<EventReader>();
        // With the statistics kept, each append carries its case's statistics for the writer to count.
        services.AddSingleton(sp => new CaseLog(
            sp.GetRequiredService<EventWriter>(),
            sp.GetRequiredService<EventReader>(),
            sp.GetRequiredService<Domain.Calendar.CourtCalendar>(),
            sp.GetRequiredService<Domain.Calendar.LegalClock>(),
            countsStatistics: options.MaintainsStatistics));
        services.AddSingleton(new ActiveTokenCache(options.TokensTrustedFor));
        services.AddSingleton(sp => new UserStore(database, sp.GetRequiredService<NodaTime.IClock>(), sp.GetRequiredService<ActiveTokenCache>()));
        services.AddSingleton<AccessLog>();
        services.AddSingleton<BreakGlassReviews>();
        services.AddSingleton<CaseDirectory>();
        services.AddSingleton<StaffCredentials>();
        return services;
    }
}
