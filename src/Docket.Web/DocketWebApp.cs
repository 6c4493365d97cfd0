using Docket.Domain.Calendar;
using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Store;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Users;
using Docket.Web.Access;
using Docket.Web.Auth;
using Docket.Web.Caseload;
using Docket.Web.Cases;
using Docket.Web.Health;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Docket.Web.SelfService;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Scalar.AspNetCore;

namespace Docket.Web;

/// <summary>Builds the web host: the JSON API, its OpenAPI document and the reference page.</summary>
public static class DocketWebApp
{
    public static async Task<WebApplication> CreateAsync(DocketWebOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = options.Environment, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Keys for cookies live in memory only (tokens are bearer); the warning about
        // unencrypted key storage does not apply and would only alarm an operator.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var database = new DocketDatabase(options.Database);
        await database.MigrateAsync(cancellationToken);

        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(options.Clock);
        services.AddSingleton(new LegalClock(options.Clock, DateTimeZoneProviders.Tzdb[options.LegalTimeZone]));
        services.AddSingleton<EventWriter>();
        services.AddSingleton<EventReader>();
        services.AddSingleton(options.Calendar ?? CalendarConfiguration.Read(builder.Configuration));
        services.AddSingleton<CaseLog>();
        services.AddSingleton(new ActiveTokenCache(options.TokensTrustedFor));
        services.AddSingleton(sp => new UserStore(database, options.Clock, sp.GetRequiredService<ActiveTokenCache>()));
        services.AddSingleton<AccessLog>();
        services.AddSingleton<CaseDirectory>();
        services.AddDocketSelfService();
        services.ConfigureHttpJsonOptions(json => ConfigureJson(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddDocketAuthorization();
        services.AddDocketHealth();
        services.AddDocketAudit(builder.Configuration, options);
        services.AddOpenApi();
        services.AddOpenApiDocumentCache();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapOpenApi().AllowAnonymous().CacheDocument();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/scalar")).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthApi();
        app.MapCasesApi();
        app.MapAuditApi();
        app.MapCaseloadApi();
        app.MapSelfServiceApi();
        app.MapAccessLogApi();
        return app;
    }

    /// <summary>camelCase, kebab-case enum values and ISO dates: the wire conventions of docs/http-api.md.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
