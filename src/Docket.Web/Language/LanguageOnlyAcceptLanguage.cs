using Microsoft.AspNetCore.Localization;

namespace Docket.Web.Language;

/// <summary>
/// Accept-Language by language only: "es-MX" and "es-US" choose Spanish. The process has no
/// culture data (invariant globalization), so a regional culture does not know its parent
/// language, and ASP.NET Core's own provider would miss it.
/// </summary>
public sealed class LanguageOnlyAcceptLanguage : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var asked = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        if (asked is not { Count: > 0 })
        {
            return NullProviderCultureResult;
        }

        var languages = asked
            .Where(a => a.Value.HasValue && a.Quality is not 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => new Microsoft.Extensions.Primitives.StringSegment(a.Value.Value!.Split('-')[0].ToLowerInvariant()))
            .Distinct()
            .ToList();
        return Task.FromResult<ProviderCultureResult?>(languages.Count == 0 ? null : new ProviderCultureResult(languages));
    }
}
