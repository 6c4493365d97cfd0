using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Search;

public static class SearchCasesEndpoint
{
    /// <summary>
    /// GET /api/cases?aNumber= or ?familyName=&amp;dateOfBirth=: find a case by its identity,
    /// inside the caller's caseload only, at most 25 a page. There is deliberately no search
    /// by nationality, status, place or any other category.
    /// </summary>
    public static async Task<Results<Ok<CasePage>, ProblemHttpResult>> Handle(
        string? aNumber, string? familyName, string? dateOfBirth, int? page, int? pageSize,
        HttpContext http, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        string? digits = null;
        if (aNumber is not null)
        {
            digits = QueryValues.TryANumber("aNumber", aNumber, errors, out var number) ? number.Digits : null;
        }
        else if (string.IsNullOrWhiteSpace(familyName) || string.IsNullOrWhiteSpace(dateOfBirth))
        {
            errors.Add("search by aNumber, or by familyName and dateOfBirth together");
        }

        if (dateOfBirth is not null)
        {
            QueryValues.TryDate("dateOfBirth", dateOfBirth, errors, out _);
        }

        if (familyName is not null)
        {
            QueryValues.TryText("familyName", familyName, errors);
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("The search needs a case's identity", errors);
        }

        var caller = Caller.From(http.User);
        var size = Math.Clamp(pageSize ?? CaseDirectory.MaxPageSize, 1, CaseDirectory.MaxPageSize);
        var found = await directory.SearchAsync(CaseloadScope.Of(caller), digits, familyName, dateOfBirth, page ?? 1, size, cancellationToken);
        await CaseLoader.LogListedAsync(caller, found.Select(c => c.ANumber), "search", accessLog, cancellationToken);
        return TypedResults.Ok(new CasePage([.. found.Select(CaseSummaryView.From)], Math.Max(page ?? 1, 1), size, found.Count == size));
    }
}
