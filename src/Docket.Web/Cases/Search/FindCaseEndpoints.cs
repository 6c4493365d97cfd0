using Docket.Domain.Calendar;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Users;
using Docket.Web.Auth;
using Docket.Web.Cases.Reading;
using Docket.Web.Infrastructure;
using Docket.Web.Pages;

namespace Docket.Web.Cases.Search;

/// <summary>
/// GET /cases/find: the page of GET /api/cases, with the same rules (identity only, own caseload,
/// 25 a page, each case shown logged); POST /cases/break-glass: a supervisor's or auditor's read
/// outside their caseload, with the reason the access log keeps.
/// </summary>
public static class FindCaseEndpoints
{
    public static void MapFindCasePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/cases/find", FindAsync).RequireAuthorization(PagePolicies.Staff);
        pages.MapPost("/cases/break-glass", BreakGlassAsync).RequireAuthorization(PagePolicies.Staff);
    }

    private static bool MaySearch(Caller caller) => caller.Role is UserRoles.Officer or UserRoles.Supervisor or UserRoles.Attorney;

    private static async Task<IResult> FindAsync(
        string? aNumber, string? familyName, string? dateOfBirth, int? page, HttpContext http, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var form = new { MaySearch = MaySearch(caller), MayBreakGlass = CaseAccess.MayBreakGlass(caller), ANumber = aNumber, FamilyName = familyName, DateOfBirth = dateOfBirth };
        var asked = !string.IsNullOrWhiteSpace(aNumber) || !string.IsNullOrWhiteSpace(familyName) || !string.IsNullOrWhiteSpace(dateOfBirth);
        if (!asked || !form.MaySearch)
        {
            return PageResults.Page<FindCasePage>(form);
        }

        var errors = new List<string>();
        string? digits = null;
        if (!string.IsNullOrWhiteSpace(aNumber))
        {
            digits = QueryValues.TryANumber("A-number", aNumber, errors, out var number) ? number.Digits : null;
        }
        else if (string.IsNullOrWhiteSpace(familyName) || string.IsNullOrWhiteSpace(dateOfBirth))
        {
            errors.Add("Give the A-number, or both the family name and the date of birth.");
        }
        else
        {
            QueryValues.TryDate("Date of birth", dateOfBirth, errors, out _);
        }

        if (errors.Count > 0)
        {
            return PageResults.Page<FindCasePage>(new { form.MaySearch, form.MayBreakGlass, ANumber = aNumber, FamilyName = familyName, DateOfBirth = dateOfBirth, Errors = errors }, StatusCodes.Status400BadRequest);
        }

        var current = Math.Max(page ?? 1, 1);
        var found = await directory.SearchAsync(CaseloadScope.Of(caller), digits, digits is null ? familyName : null, digits is null ? dateOfBirth : null, current, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, found.Select(c => c.ANumber), "search", accessLog, cancellationToken);
        if (digits is not null && found is [var only])
        {
            return Results.Redirect($"/cases/{only.ANumber}");
        }

        return PageResults.Page<FindCasePage>(new
        {
            form.MaySearch, form.MayBreakGlass, ANumber = aNumber, FamilyName = familyName, DateOfBirth = dateOfBirth,
            Results = found, Page = current, HasMore = found.Count == CaseDirectory.MaxPageSize,
        });
    }

    private static async Task<IResult> BreakGlassAsync(
        HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!CaseAccess.MayBreakGlass(caller))
        {
            return PageResults.Error(StatusCodes.Status403Forbidden, "You may not read cases outside your caseload", "Only supervisors and auditors may, for a review or an audit.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? aNumber = form["aNumber"];
        var reason = ((string?)form["reason"])?.Trim();
        if (string.IsNullOrEmpty(reason) || string.IsNullOrWhiteSpace(aNumber))
        {
            return PageResults.Page<FindCasePage>(
                new { MaySearch = MaySearch(caller), MayBreakGlass = true, BreakGlassANumber = aNumber, BreakGlassReason = reason, BreakGlassErrors = (IReadOnlyList<string>)["Give the A-number and the reason for reading the case."] },
                StatusCodes.Status400BadRequest);
        }

        return await CasePageEndpoints.RenderAsync(aNumber, http, reader, accessLog, today, calendar, cancellationToken, breakGlassReason: reason);
    }
}
