using Docket.Web.Pages;

namespace Docket.Web.Rules;

/// <summary>GET /rules: the law Docket applies, open to everyone (it holds no case data).</summary>
public static class RulesEndpoints
{
    public static void MapRulesPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/rules", (RulesBook book) => PageResults.Page<RulesPage>(new { Book = book })).AllowAnonymous();
}
