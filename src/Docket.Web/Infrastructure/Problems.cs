using Docket.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Infrastructure;

/// <summary>RFC 9457 problem details for the outcomes the API shares.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string title, IReadOnlyList<string> errors) =>
        TypedResults.Problem(
            title: title,
            detail: string.Join("; ", errors),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Conflict(int actualVersion) =>
        TypedResults.Problem(
            title: "The case has changed since you read it",
            detail: $"The case is at version {actualVersion}. Read it again and decide whether your change still applies; send If-Match: \"{actualVersion}\".",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = actualVersion });

    public static ProblemHttpResult Refused(IReadOnlyList<Violation> violations) =>
        TypedResults.Problem(
            title: "A safeguard forbids this step",
            detail: string.Join(" ", violations.Select(v => $"[{v.Rule}] {v.Message}")),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["violations"] = violations.Select(v => new { rule = v.Rule, message = v.Message, effect = Effect(v.Effect) }).ToArray(),
            });

    /// <summary>As the removal check writes it: "blocks" or "needs-review".</summary>
    public static string Effect(ViolationEffect effect) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(effect.ToString());

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(
            title: "If-Match is required",
            detail: "State the case version you read, as If-Match: \"VERSION\" (the ETag of GET /api/cases/{aNumber}), so a concurrent change is never overwritten.",
            statusCode: StatusCodes.Status428PreconditionRequired);
}
