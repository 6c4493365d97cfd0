using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Store;
using Docket.Web.Access;
using Docket.Web.Auth;
using Docket.Web.Caseload;
using Docket.Web.Cases;
using Docket.Web.Departures;
using Docket.Web.Health;
using Docket.Web.Infrastructure;
using Docket.Web.Language;
using Docket.Web.OpenApi;
using Docket.Web.Pages;
using Docket.Web.SelfService;
using Docket.Web.SelfService.Pages;
using Docket.Web.Statistics;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Docket.Web;

/// <summary>Builds the web host: the JSON API, its OpenAPI document and the reference page, and the staff pages.</summary>
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

        // One line an area: what it registers is in its own Add<Area>.
        var services = builder.Services;
        services.AddDocketCalendar(options, builder.Configuration);
        services.AddDocketStore(database, options);
        services.AddDocketJson();
        services.AddDocketAuthorization();
        services.AddDocketSelfService();
        services.AddDocketLanguages(builder.Configuration);
        services.AddDocketHealth();
        services.AddDocketAudit(builder.Configuration, options);
        services.AddDocketOpenApi();
        services.AddDocketStaffPages();
        services.AddPersonPages();
        services.AddDocketStatistics(builder.Configuration, options.MaintainsStatistics);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseStaffAssets();
        app.UseRequestLocalization();
        app.UseRoutingAnswers();
        app.UseAuthentication();
        app.UseStaffSession();
        app.UsePersonSession();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapDocketOpenApi();
        app.MapHealthApi();
        app.MapCasesApi();
        app.MapAuditApi();
        app.MapCaseloadApi();
        app.MapDeparturesApi();
        app.MapSelfServiceApi();
        app.MapAccessLogApi();
        app.MapStaffPages();
        app.MapPersonPages();
        app.MapStatisticsApi();
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
