using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Docket.Web.Language;

/// <summary>
/// The languages Docket speaks (Docket:Languages, English first and the default) and how a request
/// chooses one: <c>?culture=es</c>, then the remembered choice (a cookie), then Accept-Language.
/// </summary>
public static class DocketLanguages
{
    public const string CookieName = "docket-language";

    public static readonly string[] Shipped = ["en", "es"];

    public static IServiceCollection AddDocketLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddScoped<LanguageDates>();
        services.AddScoped<PlainCaseWords>();
        services.AddScoped<CountryNames>();
        var names = configuration.GetSection("Docket:Languages").Get<string[]>() is { Length: > 0 } configured ? configured : Shipped;
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // The process runs with invariant globalization: a culture here is a name that selects
            // resources; numbers stay invariant and dates are written by LanguageDates from the resources.
            var cultures = names.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new LanguageOnlyAcceptLanguage(),
            ];
        });
        return services;
    }

    /// <summary>The two-letter name of the language of this request ("en", "es").</summary>
    public static string Current => CultureInfo.CurrentUICulture.Name.Split('-')[0] is { Length: > 0 } name ? name : Shipped[0];
}
