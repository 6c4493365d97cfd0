using Docket.Domain.Calendar;
using Docket.Store.Access;
using Docket.Store.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Reading;

public static class GetCaseEndpoint
{
    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Handle(
        string aNumber, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await CaseLoader.ReadAsync(aNumber, "case", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        http.Response.Headers.ETag = $"\"{loaded.State.Version}\"";
        return TypedResults.Ok(CaseView.From(loaded.State, loaded.Rows, today.Today(), calendar));
    }
}
