using Docket.Domain.Calendar;
using Docket.Store.Access;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Access;

public sealed record AccessEntryView(long Id, string At, string UserName, string Role, string? Office, string ANumber, string Purpose, bool BreakGlass, string? Reason, string Outcome)
{
    public static AccessEntryView From(AccessLogRow r) => new(r.Id, r.At, r.UserName, r.Role, r.Office, r.ANumber, r.Purpose, r.BreakGlass, r.Reason, r.Outcome);
}

public static class AccessLogApi
{
    private const string Filters =
        "Filters: aNumber (the case), user and office (the reader's), from and to (days YYYY-MM-DD in the legal time zone, both included), breakGlass, outcome (allowed or refused).";

    public static IEndpointRouteBuilder MapAccessLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/access", Handle)
            .RequireAuthorization(Policies.AccessAudit)
            .WithName("queryAccessLog")
            .ProducesProblems(400)
            .WithTags("Audit")
            .WithSummary("The access log")
            .WithDescription($"Every read of a case and every refused attempt, oldest first. {Filters} Page with afterId (up to 1000 entries).");
        app.MapGet("/api/audit/access.csv", Csv)
            .RequireAuthorization(Policies.AccessAudit)
            .WithName("downloadAccessLog")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(400)
            .WithTags("Audit")
            .WithSummary("The access log as CSV")
            .WithDescription($"Every matching entry, oldest first, with no limit, streamed: id,at,userName,role,office,aNumber,purpose,breakGlass,reason,outcome. {Filters}");
        app.MapBreakGlassApi();
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AccessEntryView>>, ProblemHttpResult>> Handle(
        string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome, long? afterId, int? limit,
        AccessLog accessLog, LegalClock clock, CancellationToken cancellationToken)
    {
        var (filter, errors) = AccessLogFilter.Read(aNumber, user, office, from, to, breakGlass, outcome);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("Not an access log filter", errors);
        }

        var rows = await accessLog.QueryAsync(filter.ToQuery(clock.Zone, limit ?? 100) with { AfterId = afterId }, cancellationToken);
        IReadOnlyList<AccessEntryView> view = [.. rows.Select(AccessEntryView.From)];
        return TypedResults.Ok(view);
    }

    public static IResult Csv(
        string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome,
        AccessLog accessLog, LegalClock clock, IClock now, CancellationToken cancellationToken)
    {
        var (filter, errors) = AccessLogFilter.Read(aNumber, user, office, from, to, breakGlass, outcome);
        return errors.Count > 0
            ? Problems.BadRequest("Not an access log filter", errors)
            : AccessLogCsv.Download(filter, accessLog, clock.Zone, now, cancellationToken);
    }
}
