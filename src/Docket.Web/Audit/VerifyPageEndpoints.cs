using Docket.Store.Audit;
using Docket.Web.Auth;
using Docket.Web.Pages;

namespace Docket.Web.Audit;

/// <summary>
/// GET /audit/verify, the auditors' page beside GET /api/audit/checkpoints and GET
/// /api/audit/verify: the checkpoints, newest first, 25 a page, and the latest verification (its
/// progress while it runs, then its report); POST /audit/verify, "Verify now": starts a
/// verification in the background, or, while one runs, goes back to that one.
/// </summary>
public static class VerifyPageEndpoints
{
    public const int PageSize = 25;

    public static void MapVerifyPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit/verify", PageAsync).RequireAuthorization(PagePolicies.AccessAudit);
        pages.MapPost("/audit/verify", (HttpContext http, VerificationRuns runs) =>
        {
            var (_, started) = runs.Start(Caller.From(http.User).Name);
            return Results.Redirect(started ? "/audit/verify?started=1#verification" : "/audit/verify?running=1#verification");
        }).RequireAuthorization(PagePolicies.AccessAudit);
    }

    private static async Task<IResult> PageAsync(long? before, int? started, int? running, VerificationRuns runs, CheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        var rows = await checkpoints.NewestAsync(before, PageSize + 1, cancellationToken);
        return PageResults.Page<VerifyPage>(new
        {
            Run = runs.Latest,
            Checkpoints = (IReadOnlyList<CheckpointView>)[.. rows.Take(PageSize).Select(CheckpointView.From)],
            OlderFrom = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null,
            Before = before,
            Notice = started is not null ? Notice.Started : running is not null ? Notice.AlreadyRunning : Notice.None,
        });
    }

    /// <summary>What the page says after "Verify now".</summary>
    public enum Notice { None, Started, AlreadyRunning }
}
