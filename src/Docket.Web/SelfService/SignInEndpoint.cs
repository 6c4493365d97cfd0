using System.Text.Json;
using Docket.Domain.Events;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.SelfService;

public sealed record SignInRequest(string ANumber, string AccessCode, string DateOfBirth);

public sealed record SessionResponse(string Token, string ANumber, DateTimeOffset ExpiresAt);

public static class SignInEndpoint
{
    /// <summary>
    /// POST /api/self-service/session {aNumber, accessCode, dateOfBirth}: the answers of
    /// <see cref="SelfServiceSignIn"/> (the same 401 for every mismatch; 429 while paused).
    /// </summary>
    public static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> Handle(
        HttpContext http, SelfServiceSignIn signIn, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json
            || Text(json, "aNumber") is not { } aNumberText || Text(json, "accessCode") is not { } code || Text(json, "dateOfBirth") is not { } birth
            || json.EnumerateObject().Count() != 3)
        {
            return Problems.BadRequest("Sign-in needs exactly {aNumber, accessCode, dateOfBirth}", [error ?? "the body must be {aNumber, accessCode, dateOfBirth}, all strings"]);
        }

        switch (await signIn.AttemptAsync(aNumberText, code, birth, cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                return TypedResults.Created("/api/self-service/case", new SessionResponse(signedIn.Token, signedIn.ANumber, signedIn.ExpiresAt));
            case SignInOutcome.Paused paused:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(paused.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    title: "Too many failed attempts",
                    detail: "Sign-in for this A-number is paused for a while after repeated failures. Try again later, or ask your case officer for a new access code.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            default:
                return TypedResults.Problem(
                    title: "Sign-in failed",
                    detail: "The A-number, access code and date of birth do not match a case.",
                    statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && StrictJson.TryGetText(value, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
