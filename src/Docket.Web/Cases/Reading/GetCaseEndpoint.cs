using Docket.Domain.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Reading;

public static class GetCaseEndpoint
{
    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Handle(
        string aNumber, HttpContext http, EventReader reader, LegalCalendar calendar, CancellationToken cancellationToken)
    {
        if (!ANumber.TryParse(aNumber, out var number))
        {
            return Problems.BadRequest("Not an A-number", [$"aNumber: '{aNumber}' must be 9 digits ('A' prefix, spaces and dashes allowed)"]);
        }

        var rows = await reader.ReadStreamAsync(number.Value.Digits, cancellationToken);
        if (rows.Count == 0)
        {
            return Problems.NotFound($"There is no case {number.Value.Digits} in your caseload.");
        }

        var state = CaseHistory.Fold(EventReader.ToDomain(rows));
        if (!CaseAccess.InCaseload(Caller.From(http.User), state))
        {
            // The same answer as an unknown case: a caller cannot probe which A-numbers exist.
            return Problems.NotFound($"There is no case {number.Value.Digits} in your caseload.");
        }

        http.Response.Headers.ETag = $"\"{state.Version}\"";
        return TypedResults.Ok(CaseView.From(state, rows, calendar.Today()));
    }
}
