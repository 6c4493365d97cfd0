using Docket.Domain.Calendar;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Search;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Caseload;

/// <summary>The caller's own work: hearings coming up in their caseload. Nobody else's.</summary>
public static class CaseloadApi
{
    public static IEndpointRouteBuilder MapCaseloadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/caseload/hearings", Hearings)
            .RequireAuthorization(Policies.RecordEvents)
            .WithName("listCaseloadHearings")
            .ProducesProblems(400)
            .WithTags("Caseload")
            .WithSummary("Hearings in my caseload")
            .WithDescription("?from=&to= (default: this week, Monday to Sunday); 25 a page.");
        Work.WorkApi.MapWorkApi(app); // the deadlines and idle cases of My work, in its own folder
        return app;
    }

    public static async Task<Results<Ok<CasePage>, ProblemHttpResult>> Hearings(
        string? from, string? to, int? page, HttpContext http, CaseDirectory directory, AccessLog accessLog, LegalClock calendar, CancellationToken cancellationToken)
    {
        var today = calendar.Today();
        var monday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var start = from ?? Docket.Domain.Events.EventJson.DatePattern.Format(monday);
        var end = to ?? Docket.Domain.Events.EventJson.DatePattern.Format(monday.PlusDays(6));
        var errors = new List<string>();
        if (!QueryValues.TryDate("from", start, errors, out _) | !QueryValues.TryDate("to", end, errors, out _))
        {
            return Problems.BadRequest("Not a date range", errors);
        }

        var caller = Caller.From(http.User);
        var found = await directory.HearingsAsync(CaseloadScope.Of(caller), start, end, page ?? 1, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, found.Select(c => c.ANumber), "caseload-hearings", accessLog, cancellationToken);
        return TypedResults.Ok(new CasePage([.. found.Select(CaseSummaryView.From)], Math.Max(page ?? 1, 1), CaseDirectory.MaxPageSize, found.Count == CaseDirectory.MaxPageSize));
    }
}
