using Docket.Web.Pages;

namespace Docket.Web.Work;

public static class WorkEndpoints
{
    public static void MapWorkPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/work", () => PageResults.Page<WorkPage>()).RequireAuthorization(PagePolicies.Staff);
}
