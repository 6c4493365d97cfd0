using Docket.Domain.Calendar;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Cases.Reading;
using Docket.Web.Cases.Words;
using Docket.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Recording;

/// <summary>
/// GET and POST /cases/{aNumber}/record: the page of POST /api/cases/{aNumber}/events. The form
/// carries the version the person read (the API's If-Match), and the answer switches on the same
/// outcomes as <see cref="RecordEventEndpoint"/>: recorded, conflict (409), does not fit (400),
/// refused by a safeguard (422, every violation with its rule), not in the caseload (404).
/// </summary>
public static class RecordEventPageEndpoints
{
    public static void MapRecordEventPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/cases/{aNumber}/record", FormAsync).RequireAuthorization(PagePolicies.RecordEvents);
        pages.MapPost("/cases/{aNumber}/record", RecordAsync).RequireAuthorization(PagePolicies.RecordEvents);
    }

    private static async Task<IResult> FormAsync(
        string aNumber, string? type, HttpContext http, EventReader reader, AccessLog accessLog, LegalClock today, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, RecordEventEndpoint.Purpose, http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return Refusal(problem!);
        }

        var caller = Caller.From(http.User);
        var digits = loaded.State.Identity!.ANumber.Digits;
        var types = CasePageEndpoints.RecordableTypes(caller);
        // "Choose an event" sent as it is (the select's empty first choice, without the browser's check) is the list again.
        type = string.IsNullOrEmpty(type) ? null : type;
        if (type is null || !types.Contains(type))
        {
            return PageResults.Page<RecordEventPage>(new { ANumber = digits, Types = types }, type is null ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
        }

        return PageResults.Page<RecordEventPage>(new
        {
            ANumber = digits,
            Type = type,
            Fields = EventForm.FieldsOf(EventTypes.ByName[type]),
            loaded.State.Version,
            Today = today.Today(),
        });
    }

    private static async Task<IResult> RecordAsync(
        string aNumber, HttpContext http, CaseLog cases, EventReader reader, AccessLog accessLog, LegalClock today, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        // "Close the case (departed)" on the case page's departure panel: not a field of the event, but a second event in the same append.
        var closeCase = form["closeCase"] == "true";
        var values = form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal) && f.Key != "closeCase")
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.Select(v => v ?? "")], StringComparer.Ordinal);
        string? type = form["type"];
        if (type is null || !EventTypes.ByName.TryGetValue(type, out var eventType) || type == nameof(CaseOpened))
        {
            return PageResults.Error(StatusCodes.Status400BadRequest, "Not an event type", "Choose the event from the case page's \"Record an event\" list.");
        }

        if (!int.TryParse(form["version"], System.Globalization.CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return PageResults.Error(StatusCodes.Status400BadRequest, "The form is incomplete", "It does not say which version of the case you read. Open the form again from the case page.");
        }

        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, RecordEventEndpoint.Purpose, http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return Refusal(problem!);
        }

        var caller = Caller.From(http.User);
        var digits = loaded.State.Identity!.ANumber.Digits;
        if (!CaseAccess.MayRecordType(caller, eventType))
        {
            await CaseLoader.LogRefusedWriteAsync(caller, digits, RecordEventEndpoint.Purpose, accessLog, cancellationToken);
            return PageResults.Error(StatusCodes.Status403Forbidden, "Your role may not record this event", $"An attorney of record files their own filings; \"{EventWords.Name(type)}\" is recorded by the agency or the court.");
        }

        RazorComponentResult Again(int status, IReadOnlyList<string>? errors = null, IReadOnlyList<(string, string)>? violations = null, IReadOnlyList<string>? conflict = null, int? newVersion = null) =>
            PageResults.Page<RecordEventPage>(
                new
                {
                    ANumber = digits,
                    Type = type,
                    Fields = EventForm.FieldsOf(eventType),
                    Version = newVersion ?? version,
                    Today = today.Today(),
                    Values = (IReadOnlyDictionary<string, IReadOnlyList<string>>)values,
                    Errors = errors ?? [],
                    Violations = violations ?? [],
                    Conflict = conflict,
                    // The officer's "Close the case (departed)" choice survives a refusal or a conflict.
                    CloseCase = closeCase,
                },
                status);

        var (body, formErrors) = EventForm.ToBody(type, eventType, values);
        if (body is not { } json)
        {
            return Again(StatusCodes.Status400BadRequest, formErrors);
        }

        var parsed = EventJson.Parse(json);
        if (parsed.Event is not { } @event)
        {
            return Again(StatusCodes.Status400BadRequest, parsed.Errors);
        }

        var events = @event is DepartureVerified && closeCase ? Departures.VerifyDepartureEndpoint.Events(@event.On, closeCase: true) : [@event];
        return await cases.AppendAllAsync(loaded.State, version, events, caller.Name, cancellationToken) switch
        {
            CaseCommandResult.Appended a => Results.Redirect($"/cases/{digits}?recorded={a.Version}"),
            CaseCommandResult.Conflict c => Again(StatusCodes.Status409Conflict, conflict: Changes(loaded, version), newVersion: c.ActualVersion),
            CaseCommandResult.Invalid i => Again(StatusCodes.Status400BadRequest, i.Problems),
            CaseCommandResult.Refused r => Again(StatusCodes.Status422UnprocessableEntity, violations: [.. r.Violations.Select(v => (v.Rule, v.Message))]),
            CaseCommandResult.NotFound => PageResults.NotFound("There is no case with this A-number in your caseload."),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }

    /// <summary>The events recorded after the version the form was opened at, in words.</summary>
    private static List<string> Changes(LoadedCase loaded, int readVersion) =>
        [.. loaded.Rows.Where(r => r.Version > readVersion).Select(r =>
            $"{EventWords.Name(r.Type)} (effective {(EventJson.TryParseDate(r.EffectiveOn, out var on) ? PlainDates.Text(on) : r.EffectiveOn)}), recorded by {r.RecordedBy}, version {r.Version}")];

    private static RazorComponentResult Refusal(ProblemHttpResult problem) => problem.StatusCode switch
    {
        StatusCodes.Status404NotFound => PageResults.NotFound("There is no case with this A-number in your caseload."),
        var status => PageResults.Error(status, problem.ProblemDetails.Title ?? "The case could not be read", problem.ProblemDetails.Detail ?? ""),
    };
}
