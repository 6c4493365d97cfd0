using Docket.Domain.Calendar;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Opening;

public sealed record OpenCaseResponse(string ANumber, int Version, string AccessCode);

public static class OpenCaseEndpoint
{
    public static async Task<Results<Created<OpenCaseResponse>, ProblemHttpResult>> Handle(
        HttpContext http, CaseLog cases, LegalClock calendar, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            return Problems.BadRequest("The case could not be read", [error ?? "the body must be a JSON object"]);
        }

        // The opening is the CaseOpened event: reuse its strict parser by wrapping the body.
        var eventBody = JsonNode.Parse(json.GetRawText())!.AsObject();
        if (eventBody.ContainsKey("type") || eventBody.ContainsKey("on"))
        {
            return Problems.BadRequest("The case could not be read", ["type, on: are not fields of a new case"]);
        }

        var today = calendar.Today();
        eventBody["type"] = nameof(CaseOpened);
        eventBody["on"] = EventJson.DatePattern.Format(today);
        var parsed = EventJson.Parse(JsonSerializer.SerializeToElement(eventBody));
        if (parsed.Event is not CaseOpened opened)
        {
            return Problems.BadRequest("The case could not be read", parsed.Errors);
        }

        if (opened.DateOfBirth > today)
        {
            return Problems.BadRequest("The case could not be read", ["dateOfBirth: is in the future"]);
        }

        if (!string.Equals(opened.Office.Trim(), caller.Office, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Forbidden($"You may open cases only in your own office ({caller.Office}).");
        }

        return await cases.OpenAsync(opened, caller.Name, cancellationToken) switch
        {
            CaseCommandResult.Opened o => TypedResults.Created(
                $"/api/cases/{o.ANumber.Digits}",
                new OpenCaseResponse(o.ANumber.Digits, o.Version, o.AccessCode)),
            CaseCommandResult.Conflict => TypedResults.Problem(
                title: "The case already exists",
                detail: "A case with this A-number is already open; read it with GET /api/cases/{aNumber}.",
                statusCode: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }
}
