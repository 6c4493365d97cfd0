using Docket.Domain.Calendar;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Pages;
using NodaTime;

namespace Docket.Web.Cases.Reading;

/// <summary>
/// GET /cases/{aNumber}: the page of GET /api/cases/{aNumber} (and, with ?to=&amp;on=, of its
/// removal check), read through the same <see cref="CaseLoader"/>: logged before it is shown, and
/// a case outside the caseload is the API's 404 (or 403 for a role that may break glass).
/// </summary>
public static class CasePageEndpoints
{
    public static void MapCasePages(this RouteGroupBuilder pages) =>
        pages.MapGet("/cases/{aNumber}", (string aNumber, string? to, string? on, int? recorded, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken) =>
            RenderAsync(aNumber, http, reader, accessLog, today, calendar, cancellationToken, to: to, on: on, notices: recorded is { } v ? [$"Recorded: the case is now at version {v}."] : null))
            .RequireAuthorization(PagePolicies.CaseContent);

    public static async Task<IResult> RenderAsync(
        string aNumber, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CourtCalendar calendar, CancellationToken cancellationToken,
        string? breakGlassReason = null, string? to = null, string? on = null, IReadOnlyList<string>? notices = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (loaded, problem) = await CaseLoader.ReadAsync(aNumber, "case", http, reader, accessLog, cancellationToken, breakGlassReason);
        if (loaded is null)
        {
            return problem!.StatusCode switch
            {
                StatusCodes.Status403Forbidden => PageResults.Error(StatusCodes.Status403Forbidden, "This case is outside your caseload", "To read it for a review or an audit, use \"Read a case outside your caseload\" on the Find a case page and give your reason; the read is logged and shown to the person."),
                StatusCodes.Status404NotFound => PageResults.NotFound("There is no case with this A-number in your caseload."),
                var status => PageResults.Error(status, problem.ProblemDetails.Title ?? "The case could not be read", problem.ProblemDetails.Detail ?? ""),
            };
        }

        var caller = Caller.From(http.User);
        // A reason given for a case in one's own caseload is not a break-glass read (the log says so too).
        breakGlassReason = CaseAccess.InCaseload(caller, loaded.State) ? null : breakGlassReason;
        var view = CaseView.From(loaded.State, loaded.Rows, today.Today(), calendar);
        var removalErrors = new List<string>();
        RemovalCheck.RemovalCheckView? removal = null;
        if (to is not null || on is not null)
        {
            var date = today.Today();
            if (!CountryCode.TryParse(to, out var destination))
            {
                removalErrors.Add("Destination: choose the country of removal.");
            }

            if (!string.IsNullOrEmpty(on) && !EventJson.TryParseDate(on, out date))
            {
                removalErrors.Add("Date: give the date of the planned removal.");
            }

            if (removalErrors.Count == 0)
            {
                removal = RemovalCheck.RemovalCheckEndpoint.Run(loaded.State, destination!.Value, date, calendar, today.Today());
            }
        }

        var readers = CaseAccess.MayBreakGlass(caller)
            ? await accessLog.LatestForCaseAsync(view.ANumber, 25, cancellationToken)
            : null;
        var mayRecord = breakGlassReason is null && CaseAccess.InCaseload(caller, loaded.State) && caller.Role is not Store.Users.UserRoles.Auditor;
        return PageResults.Page<CasePage>(
            new
            {
                View = view,
                Today = today.Today(),
                Zone = today.Zone,
                Removal = removal,
                RemovalTo = to,
                RemovalOn = on,
                RemovalErrors = (IReadOnlyList<string>)removalErrors,
                Readers = readers,
                BreakGlassReason = breakGlassReason,
                RecordableTypes = mayRecord ? RecordableTypes(caller) : [],
                PendingDeparture = loaded.State is { DepartureReport: { } report, DepartureVerifiedOn: null, Closure: null } ? report : null,
                MayVerifyDeparture = mayRecord && CaseAccess.MayRecordType(caller, typeof(DepartureVerified)),
                Notices = notices ?? [],
            },
            removalErrors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The event types the caller may record, in the order of the vocabulary (never the opening, which is its own form).</summary>
    public static IReadOnlyList<string> RecordableTypes(Caller caller) =>
        [.. EventTypes.ByName.Where(t => t.Key != nameof(CaseOpened) && CaseAccess.MayRecordType(caller, t.Value)).Select(t => t.Key).OrderBy(Words.EventWords.Order)];

    internal static Instant? RecordedAt(string text) => PlainDates.TryInstant(text, out var at) ? at : null;
}
