using Docket.Store.Access;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Access;

public sealed record AccessEntryView(long Id, string At, string UserName, string Role, string? Office, string ANumber, string Purpose, bool BreakGlass, string? Reason, string Outcome);

public static class AccessLogApi
{
    public static IEndpointRouteBuilder MapAccessLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/access", Handle)
            .RequireAuthorization(Policies.AccessAudit)
            .WithName("queryAccessLog")
            .ProducesProblems(400)
            .WithTags("Audit")
            .WithSummary("The access log")
            .WithDescription("Every read of a case and every refused attempt. Filters: aNumber, user, breakGlass, outcome; page with afterId (up to 1000 entries).");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AccessEntryView>>, ProblemHttpResult>> Handle(
        string? aNumber, string? user, bool? breakGlass, string? outcome, long? afterId, int? limit, AccessLog accessLog, CancellationToken cancellationToken)
    {
        string? digits = null;
        if (aNumber is not null)
        {
            var errors = new List<string>();
            if (!QueryValues.TryANumber("aNumber", aNumber, errors, out var number))
            {
                return Problems.BadRequest("Not an A-number", errors);
            }

            digits = number.Digits;
        }

        var textErrors = new List<string>();
        if (user is not null && !QueryValues.TryText("user", user, textErrors))
        {
            return Problems.BadRequest("Not a user name", textErrors);
        }

        if (outcome is not null and not ("allowed" or "refused"))
        {
            return Problems.BadRequest("Not an outcome", ["outcome: must be allowed or refused"]);
        }

        var rows = await accessLog.QueryAsync(new AccessLogQuery(digits, user, breakGlass, outcome, afterId, limit ?? 100), cancellationToken);
        IReadOnlyList<AccessEntryView> view = [.. rows.Select(r => new AccessEntryView(r.Id, r.At, r.UserName, r.Role, r.Office, r.ANumber, r.Purpose, r.BreakGlass, r.Reason, r.Outcome))];
        return TypedResults.Ok(view);
    }
}
