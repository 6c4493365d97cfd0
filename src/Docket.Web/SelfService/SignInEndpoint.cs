using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.SelfService;

public sealed record SignInRequest(string ANumber, string AccessCode, string DateOfBirth);

public sealed record SessionResponse(string Token, string ANumber, DateTimeOffset ExpiresAt);

public static class SignInEndpoint
{
    private static readonly byte[] DecoyHash = Docket.Store.Cases.AccessCodes.Hash("decoy-code-never-issued");

    /// <summary>
    /// POST /api/self-service/session {aNumber, accessCode, dateOfBirth}. A wrong code, a wrong
    /// date of birth and an unknown A-number get the same answer in the same time, so the
    /// endpoint cannot be used to find out who has a case. Rate-limited, and locked for an
    /// A-number after repeated failures.
    /// </summary>
    public static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> Handle(
        HttpContext http, CaseDirectory directory, SelfServiceSessions sessions, SignInLockout lockout, NodaTime.IClock clock, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json
            || Text(json, "aNumber") is not { } aNumberText || Text(json, "accessCode") is not { } code || Text(json, "dateOfBirth") is not { } birth
            || json.EnumerateObject().Count() != 3)
        {
            return Problems.BadRequest("Sign-in needs exactly {aNumber, accessCode, dateOfBirth}", [error ?? "the body must be {aNumber, accessCode, dateOfBirth}, all strings"]);
        }

        var key = ANumber.TryParse(aNumberText, out var parsed) ? parsed.Value.Digits : aNumberText.Trim();
        if (lockout.LockedUntil(key) is { } until)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((until - clock.GetCurrentInstant()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Too many failed attempts",
                detail: "Sign-in for this A-number is paused for a while after repeated failures. Try again later, or ask your case officer for a new access code.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var row = parsed is null ? null : await directory.FindAsync(key, cancellationToken);
        // A case with no code issued (imported or demo cases) is checked against the decoy, so it
        // takes the same time, but it never matches: the decoy's text is no access code.
        var issued = row?.AccessCodeHash is { Length: > 0 } stored ? stored : null;
        var codeMatches = Docket.Store.Cases.AccessCodes.Matches(code, issued ?? DecoyHash) && issued is not null;
        var birthMatches = birth.Length == 10 && EventJson.DatePattern.Parse(birth) is { Success: true } dob
            && row is not null && row.DateOfBirth == EventJson.DatePattern.Format(dob.Value);
        if (row is null || !codeMatches || !birthMatches)
        {
            lockout.RecordFailure(key);
            return TypedResults.Problem(
                title: "Sign-in failed",
                detail: "The A-number, access code and date of birth do not match a case.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        lockout.RecordSuccess(key);
        var (token, expires) = sessions.Issue(row.ANumber);
        return TypedResults.Created("/api/self-service/case", new SessionResponse(token, row.ANumber, expires));
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && StrictJson.TryGetText(value, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
