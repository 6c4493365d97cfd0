using System.Text.Json;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Recording;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Departures;

/// <summary>
/// POST /api/departures/{aNumber}/verification <c>{on, closeCase}</c> with If-Match: records
/// <c>DepartureVerified</c> and, when <c>closeCase</c> is true, <c>CaseClosed</c> (reason
/// departed) in the same transaction: both or neither.
/// </summary>
public static class VerifyDepartureEndpoint
{
    public static async Task<Results<Created<RecordEventResponse>, ProblemHttpResult>> Handle(
        string aNumber, HttpContext http, CaseLog cases, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken)
    {
        string? ifMatch = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Problems.PreconditionRequired();
        }

        if (!RecordEventEndpoint.TryParseVersion(ifMatch, out var expectedVersion))
        {
            return Problems.BadRequest("If-Match is not a case version", [$"If-Match: '{ifMatch}' must be a version in quotes, for example \"3\""]);
        }

        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            return Problems.BadRequest("The verification could not be read", [error ?? "the body must be {on, closeCase}"]);
        }

        var errors = new List<string>();
        var (on, close) = Read(json, errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The verification could not be read", errors);
        }

        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, "departure-verification", http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var events = Events(on, close);
        var number = loaded.State.Identity!.ANumber;
        return await cases.AppendAllAsync(loaded.State, expectedVersion, events, Caller.From(http.User).Name, cancellationToken) switch
        {
            CaseCommandResult.Appended a => Created(http, number.Digits, a.Version),
            CaseCommandResult.Conflict c => Problems.Conflict(c.ActualVersion),
            CaseCommandResult.Invalid i => Problems.BadRequest("The verification does not fit this case", i.Problems),
            CaseCommandResult.Refused r => Problems.Refused(r.Violations),
            _ => Problems.NotFound($"There is no case {number.Digits} in your caseload."),
        };
    }

    /// <summary>What a verification records: DepartureVerified, and CaseClosed (departed) with it when asked; the staff page records the same.</summary>
    public static IReadOnlyList<CaseEvent> Events(NodaTime.LocalDate on, bool closeCase) =>
        closeCase ? [new DepartureVerified { On = on }, new CaseClosed(ClosureReason.Departed) { On = on }] : [new DepartureVerified { On = on }];

    private static (NodaTime.LocalDate On, bool Close) Read(JsonElement json, List<string> errors)
    {
        NodaTime.LocalDate on = default;
        var close = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add($"{property.Name}: appears more than once");
                continue;
            }

            switch (property.Name)
            {
                case "on" when property.Value.ValueKind == JsonValueKind.String && EventJson.TryParseDate(property.Value.GetString(), out var date):
                    on = date;
                    break;
                case "on":
                    errors.Add("on: must be a date, YYYY-MM-DD (the day the departure was verified)");
                    break;
                case "closeCase" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    close = property.Value.GetBoolean();
                    break;
                case "closeCase":
                    errors.Add("closeCase: must be true or false");
                    break;
                default:
                    errors.Add($"{property.Name}: is not a field of a verification (on, closeCase)");
                    break;
            }
        }

        if (!seen.Contains("on"))
        {
            errors.Add("on: is required");
        }

        return (on, close);
    }

    private static Created<RecordEventResponse> Created(HttpContext http, string digits, int version)
    {
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Created($"/api/cases/{digits}", new RecordEventResponse(version));
    }
}
