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
/// office, an attorney's cases): the deadlines due in the next 14 days (as GET /api/caseload/deadlines),
/// the hearings calendar (two weeks, a week or a day; as GET /api/caseload/hearings), for the agency
/// the departures awaiting verification (as GET /api/departures/pending), the cases with nothing
/// recorded for 180 days (as GET /api/caseload/idle) and, for an attorney, their own cases. Each list
/// is paged, every case shown is logged. Never a list of people by nationality, status or place.
/// </summary>
public static class WorkEndpoints
{
    public static void MapWorkPages(this RouteGroupBuilder pages) =>
        pages.MapGet("/work", WorkAsync).RequireAuthorization(PagePolicies.Staff);

    private static async Task<IResult> WorkAsync(
        string? view, string? date, string? kind, int? idleDays, int? deadlinesPage, int? hearingsPage, int? departuresPage, int? idlePage, int? casesPage,
        HttpContext http, CaseDirectory directory, AccessLog accessLog, LegalClock calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.Role is UserRoles.Auditor)
        {
            return PageResults.Page<WorkPage>(new { HasCaseload = false });
        }

        var query = WorkQuery.Read(view, date, kind, idleDays, deadlinesPage, hearingsPage, departuresPage, idlePage, casesPage);
        var today = calendar.Today();
        var (from, to) = CalendarRange(query, today);
        var scope = CaseloadScope.Of(caller);

        // The lists are independent: read and logged side by side, so that the page waits for the
        // slowest of them rather than their sum (and their access-log entries share a commit).
        var deadlinesRead = CaseloadWork.DeadlinesAsync(caller, today, null, today.PlusDays(CaseloadWork.DeadlineDaysAhead), query.DeadlineKind, query.DeadlinesPage, directory, accessLog, cancellationToken);
        var hearingsRead = HearingsAsync(caller, scope, from, to, query.HearingsPage, directory, accessLog, cancellationToken);
        var departuresRead = caller.Role is UserRoles.Officer or UserRoles.Supervisor
            ? DeparturesAsync(caller, scope, query.DeparturesPage, directory, accessLog, cancellationToken)
            : Task.FromResult<IReadOnlyList<PendingDepartureView>?>(null);
        var idleRead = CaseloadWork.IdleAsync(caller, today, query.IdleDays, query.IdlePage, directory, accessLog, cancellationToken);
        var ownCasesRead = caller.Role is UserRoles.Attorney ? OwnCasesAsync() : Task.FromResult<CasePage?>(null);
        await Task.WhenAll(deadlinesRead, hearingsRead, departuresRead, idleRead, ownCasesRead);
        var (deadlines, hearings, departures, idle, ownCases) = (await deadlinesRead, await hearingsRead, await departuresRead, await idleRead, await ownCasesRead);

        async Task<CasePage?> OwnCasesAsync() => await CaseloadWork.OwnCasesAsync(caller, query.CasesPage, directory, accessLog, cancellationToken);

        return PageResults.Page<WorkPage>(new
        {
            HasCaseload = true,
            Query = query,
            Today = today,
            Deadlines = deadlines,
            From = from,
            To = to,
            Hearings = hearings,
            MoreHearings = hearings.Count == CaseDirectory.MaxPageSize,
            Departures = departures,
            MoreDepartures = departures?.Count == CaseDirectory.MaxPageSize,
            Idle = idle,
            OwnCases = ownCases,
        });
    }

    private static async Task<IReadOnlyList<CaseRow>> HearingsAsync(
        Caller caller, Docket.Store.Cases.Caseload scope, LocalDate from, LocalDate to, int page, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var hearings = await directory.HearingsAsync(scope, EventJson.DatePattern.Format(from), EventJson.DatePattern.Format(to), page, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, hearings.Select(c => c.ANumber), "caseload-hearings", accessLog, cancellationToken);
        return hearings;
    }

    private static async Task<IReadOnlyList<PendingDepartureView>?> DeparturesAsync(
        Caller caller, Docket.Store.Cases.Caseload scope, int page, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var rows = await directory.PendingDeparturesAsync(scope, page, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber), "departure-queue", accessLog, cancellationToken);
        return [.. rows.Select(DeparturesApi.View)];
    }

    /// <summary>The days the calendar shows: two weeks from this Monday, the week (Monday to Sunday) of the date, or the date.</summary>
    public static (LocalDate From, LocalDate To) CalendarRange(WorkQuery query, LocalDate today)
    {
        var day = query.Date ?? today;
        return query.View switch
        {
            CalendarView.Day => (day, day),
            CalendarView.Week => (day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)), day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusDays(6)),
            _ => (today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)), today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusDays(13)),
        };
    }
}
