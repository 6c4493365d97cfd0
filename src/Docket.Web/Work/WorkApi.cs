using Docket.Domain.Calendar;
using Docket.Domain.Deadlines;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Work;

/// <summary>
/// The lists of My work over the API, beside GET /api/caseload/hearings: the deadlines due soon
/// and the cases with nothing recorded for a long time, in the caller's own caseload only.
/// </summary>
public static class WorkApi
{
    public static IEndpointRouteBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/caseload/deadlines", Deadlines)
            .RequireAuthorization(Policies.RecordEvents)
            .WithName("listCaseloadDeadlines")
            .ProducesProblems(400)
            .WithTags("Caseload")
            .WithSummary("Deadlines due soon in my caseload")
            .WithDescription(
                "The deadlines running today on the cases of my caseload (an office's for officers and supervisors, "
                + "the cases of record for attorneys) and due no later than `to` (default: 14 days from today), "
                + "earliest first, so the ones already passed come first; `from` leaves out earlier due dates, `kind` "
                + "keeps one deadline kind. Each with `daysLeft` (negative once passed), its rule and its plain meaning. 25 a page.");
        app.MapGet("/api/caseload/idle", Idle)
            .RequireAuthorization(Policies.RecordEvents)
            .WithName("listCaseloadIdle")
            .ProducesProblems(400)
            .WithTags("Caseload")
            .WithSummary("Cases in my caseload with nothing recorded for a long time")
            .WithDescription(
                "Cases of my caseload that have not ended (closed, removed, departed) and where nothing was recorded "
                + "for `days` days (default 180, at least 30), the longest untouched first, with when the last event was recorded. 25 a page.");
        return app;
    }

    public static async Task<Results<Ok<CaseloadDeadlinePage>, ProblemHttpResult>> Deadlines(
        string? from, string? to, string? kind, int? page, HttpContext http, CaseDirectory directory, AccessLog accessLog, LegalClock calendar, CancellationToken cancellationToken)
    {
        var today = calendar.Today();
        var errors = new List<string>();
        var (start, end) = ((LocalDate?)null, today.PlusDays(CaseloadWork.DeadlineDaysAhead));
        if (from is not null && QueryValues.TryDate("from", from, errors, out var f))
        {
            start = f;
        }

        if (to is not null && QueryValues.TryDate("to", to, errors, out var t))
        {
            end = t;
        }

        if (kind is not null && !DeadlineMeaning.KnownKinds.Contains(kind, StringComparer.Ordinal))
        {
            errors.Add($"kind: '{kind}' is not a deadline kind; one of {string.Join(", ", DeadlineMeaning.KnownKinds)}");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("Not a deadline filter", errors);
        }

        return TypedResults.Ok(await CaseloadWork.DeadlinesAsync(Caller.From(http.User), today, start, end, kind, page ?? 1, directory, accessLog, cancellationToken));
    }

    public static async Task<Results<Ok<IdleCasePage>, ProblemHttpResult>> Idle(
        int? days, int? page, HttpContext http, CaseDirectory directory, AccessLog accessLog, LegalClock calendar, CancellationToken cancellationToken)
    {
        if (days is < 30 or > 36500)
        {
            return Problems.BadRequest("Not a number of days", [$"days: {days} must be from 30 to 36500"]);
        }

        return TypedResults.Ok(await CaseloadWork.IdleAsync(Caller.From(http.User), calendar.Today(), days ?? CaseloadWork.IdleDays, page ?? 1, directory, accessLog, cancellationToken));
    }
}
