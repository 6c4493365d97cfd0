using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Users;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Search;
using Docket.Web.Departures;
using Docket.Web.Pages;
using NodaTime;

namespace Docket.Web.Work;

/// <summary>
/// GET /work, My work: the start page after sign-in. For a caseload (an officer's or supervisor's
/// office, an attorney's cases): the hearings of this week and next (as GET /api/caseload/hearings)
/// and, for the agency, the departures awaiting verification (as GET /api/departures/pending),
/// each list paged and every case shown logged. Never a list of people by nationality, status or place.
/// </summary>
public static class WorkEndpoints
{
    public static void MapWorkPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/work", WorkAsync).RequireAuthorization(PagePolicies.Staff);

    private static async Task<IResult> WorkAsync(
        int? hearingsPage, int? departuresPage, HttpContext http, CaseDirectory directory, AccessLog accessLog, LegalClock calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.Role is UserRoles.Auditor)
        {
            return PageResults.Page<WorkPage>(new { HasCaseload = false });
        }

        var today = calendar.Today();
        var monday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var to = monday.PlusDays(13);
        var scope = CaseloadScope.Of(caller);
        var hearingsAt = Math.Max(hearingsPage ?? 1, 1);
        var hearings = await directory.HearingsAsync(scope, EventJson.DatePattern.Format(monday), EventJson.DatePattern.Format(to), hearingsAt, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, hearings.Select(c => c.ANumber), "caseload-hearings", accessLog, cancellationToken);

        IReadOnlyList<PendingDepartureView>? departures = null;
        var departuresAt = Math.Max(departuresPage ?? 1, 1);
        if (caller.Role is UserRoles.Officer or UserRoles.Supervisor)
        {
            var rows = await directory.PendingDeparturesAsync(scope, departuresAt, CaseDirectory.MaxPageSize, cancellationToken);
            await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber), "departure-queue", accessLog, cancellationToken);
            departures = [.. rows.Select(DeparturesApi.View)];
        }

        return PageResults.Page<WorkPage>(new
        {
            HasCaseload = true,
            From = monday,
            To = to,
            Hearings = hearings,
            HearingsPage = hearingsAt,
            MoreHearings = hearings.Count == CaseDirectory.MaxPageSize,
            Departures = departures,
            DeparturesPage = departuresAt,
            MoreDepartures = departures?.Count == CaseDirectory.MaxPageSize,
        });
    }
}
