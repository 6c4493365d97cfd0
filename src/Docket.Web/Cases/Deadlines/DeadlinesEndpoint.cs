using Docket.Domain.Calendar;
using Docket.Domain.Deadlines;
using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Web.Cases.Reading;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Deadlines;

public static class DeadlinesEndpoint
{
    /// <summary>GET /api/cases/{aNumber}/deadlines[?on=DATE]: every legal clock running, as of today or a given date.</summary>
    public static async Task<Results<Ok<IReadOnlyList<DeadlineView>>, ProblemHttpResult>> Handle(
        string aNumber, string? on, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken)
    {
        var asOf = today.Today();
        var errors = new List<string>();
        if (on is not null && !QueryValues.TryDate("on", on, errors, out asOf))
        {
            return Problems.BadRequest("Not a date", errors);
        }

        var (loaded, problem) = await CaseLoader.ReadAsync(aNumber, "deadlines", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        return TypedResults.Ok(DeadlineView.From(DeadlineCalculator.For(loaded.State, calendar, asOf), asOf));
    }
}
