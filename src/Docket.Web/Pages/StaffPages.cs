using Docket.Web.SignIn;

namespace Docket.Web.Pages;

/// <summary>
/// The staff web application: pages rendered on the server (Razor components, no circuit, no
/// script needed), styled with USWDS, each in its feature folder beside the endpoint it mirrors,
/// calling the same services. Pages sign in with a cookie; the API keeps its bearer tokens.
/// </summary>
public static class StaffPages
{
    public static IServiceCollection AddDocketStaffPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "docket.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthentication().AddCookie(StaffCookie.Scheme, StaffCookie.Configure);
        services.AddAuthorizationBuilder().AddPagePolicies();
        // First, so that a browser asking for a page gets a page; every other caller gets the problem document.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, BrowserProblemPages>());
        services.AddStaffSignIn();
        services.AddSingleton(_ => Rules.RulesBook.Load());
        return services;
    }

    /// <summary>USWDS and Docket's stylesheet, from the embedded resources, before routing answers 404.</summary>
    public static IApplicationBuilder UseStaffAssets(this IApplicationBuilder app)
    {
        var assets = new EmbeddedAssets();
        foreach (var folder in new[] { "/uswds", "/docket" })
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PrefixedAssets(assets, folder),
                RequestPath = folder,
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
            });
        }

        return app;
    }

    public static IEndpointRouteBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription().AddEndpointFilter<AntiforgeryCheck>();
        pages.MapSignInPages();
        Work.WorkEndpoints.MapWorkPages(pages);
        Rules.RulesEndpoints.MapRulesPages(pages);
        Cases.Search.FindCaseEndpoints.MapFindCasePages(pages);
        Cases.Reading.CasePageEndpoints.MapCasePages(pages);
        Cases.Recording.RecordEventPageEndpoints.MapRecordEventPages(pages);
        Cases.Opening.OpenCasePageEndpoints.MapOpenCasePages(pages);
        Statistics.Page.StatisticsPageEndpoints.MapStatisticsPages(pages);
        Access.AccessLogPageEndpoints.MapAccessLogPages(pages);
        Audit.VerifyPageEndpoints.MapVerifyPages(pages);
        return app;
    }

    /// <summary>The embedded assets under one folder: <c>/css/x.css</c> of "/uswds" is <c>uswds/css/x.css</c>.</summary>
    private sealed class PrefixedAssets(EmbeddedAssets assets, string folder) : Microsoft.Extensions.FileProviders.IFileProvider
    {
        public Microsoft.Extensions.FileProviders.IFileInfo GetFileInfo(string subpath) => assets.GetFileInfo(folder + subpath);

        public Microsoft.Extensions.FileProviders.IDirectoryContents GetDirectoryContents(string subpath) => assets.GetDirectoryContents(subpath);

        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => assets.Watch(filter);
    }
}
