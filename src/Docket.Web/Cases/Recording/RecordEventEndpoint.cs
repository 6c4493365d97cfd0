using System.Globalization;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Cases.Recording;

public sealed record RecordEventResponse(int Version);

public static class RecordEventEndpoint
{
    /// <summary>What the access log records for an append refused by the caseload or role rules.</summary>
    public const string Purpose = "record-event";

    public static async Task<Results<Created<RecordEventResponse>, ProblemHttpResult>> Handle(
        string aNumber, HttpContext http, CaseLog cases, EventReader reader, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (!QueryValues.TryANumber("aNumber", aNumber, errors, out _))
        {
            return Problems.BadRequest("Not an A-number", errors);
        }

        string? ifMatch = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Problems.PreconditionRequired();
        }

        if (!TryParseVersion(ifMatch, out var expectedVersion))
        {
            return Problems.BadRequest("If-Match is not a case version", [$"If-Match: '{ifMatch}' must be a version in quotes, for example \"3\""]);
        }

        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { } json)
        {
            return Problems.BadRequest("The event could not be read", [error!]);
        }

        var parsed = EventJson.Parse(json);
        if (parsed.Event is not { } @event)
        {
            return Problems.BadRequest("The event could not be read", parsed.Errors);
        }

        var (loaded, problem) = await CaseLoader.LoadForWriteAsync(aNumber, Purpose, http, reader, accessLog, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var caller = Caller.From(http.User);
        if (!CaseAccess.MayRecord(caller, @event))
        {
            await CaseLoader.LogRefusedWriteAsync(caller, loaded.State.Identity!.ANumber.Digits, Purpose, accessLog, cancellationToken);
            return Problems.Forbidden($"An attorney of record files their own filings; a {@event.Type} is recorded by the agency or the court.");
        }

        var number = loaded.State.Identity!.ANumber;
        return await cases.AppendAsync(loaded.State, expectedVersion, @event, caller.Name, cancellationToken) switch
        {
            CaseCommandResult.Appended a => Created(http, number, a.Version),
            CaseCommandResult.Conflict c => Problems.Conflict(c.ActualVersion),
            CaseCommandResult.Invalid i => Problems.BadRequest("The event does not fit this case", i.Problems),
            CaseCommandResult.Refused r => Problems.Refused(r.Violations),
            CaseCommandResult.NotFound => Problems.NotFound($"There is no case {number.Digits} in your caseload."),
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }

    private static Created<RecordEventResponse> Created(HttpContext http, ANumber number, int version)
    {
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Created($"/api/cases/{number.Digits}", new RecordEventResponse(version));
    }

    /// <summary>Accepts <c>"3"</c> (the ETag form) and, leniently, a bare <c>3</c>.</summary>
    internal static bool TryParseVersion(string header, out int version)
    {
        var text = header.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;
    }
}
