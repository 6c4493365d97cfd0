using Docket.Store.Audit;
using Docket.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Audit;

/// <summary>The signed tree heads: list, latest, one by id, and issuing one on demand.</summary>
public static class CheckpointEndpoints
{
    public const int MaxPage = 1000;

    public static async Task<Results<Ok<IReadOnlyList<CheckpointView>>, ProblemHttpResult>> List(long? after, int? limit, CheckpointStore checkpoints, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPage || after is < 0)
        {
            return Problems.BadRequest("Bad paging", [$"limit must be 1..{MaxPage} (default 100) and after a checkpoint id"]);
        }

        var rows = await checkpoints.ListAsync(after ?? 0, limit ?? 100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CheckpointView>>(rows.Select(CheckpointView.From).ToList());
    }

    public static async Task<Results<Ok<CheckpointView>, ProblemHttpResult>> Latest(CheckpointStore checkpoints, CancellationToken cancellationToken) =>
        await checkpoints.LatestAsync(cancellationToken) is { } row
            ? TypedResults.Ok(CheckpointView.From(row))
            : Problems.NotFound("No checkpoint has been issued yet.");

    public static async Task<Results<Ok<CheckpointView>, ProblemHttpResult>> One(long id, CheckpointStore checkpoints, CancellationToken cancellationToken) =>
        await checkpoints.FindAsync(id, cancellationToken) is { } row
            ? TypedResults.Ok(CheckpointView.From(row))
            : Problems.NotFound($"There is no checkpoint {id}.");

    /// <summary>Seconds to wait before asking again when the signing key file is gone: an operator has to restore it.</summary>
    public const int KeyRetryAfterSeconds = 60;

    public static async Task<Results<Created<CheckpointView>, ProblemHttpResult>> Issue(CheckpointKeeper keeper, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var (row, _) = await (await keeper.GetAsync(cancellationToken)).IssueAsync(onlyIfGrown: false, cancellationToken);
            return TypedResults.Created($"/api/audit/checkpoints/{row.Id}", CheckpointView.From(row));
        }
        catch (TamperedLogException ex)
        {
            return TamperedProblem(ex);
        }
        catch (CheckpointKeyException ex)
        {
            // The log stays writable (a checkpoint later covers every event recorded meanwhile);
            // only signing waits for the key file to be restored.
            http.Response.Headers.RetryAfter = KeyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "The checkpoint signing key is unavailable",
                detail: ex.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["cause"] = "signing-key-unavailable" });
        }
    }

    public static async Task<ContentHttpResult> Key(CheckpointKeeper keeper, CancellationToken cancellationToken) =>
        TypedResults.Text((await keeper.GetAsync(cancellationToken)).PublicKeyPem, "application/x-pem-file");

    internal static ProblemHttpResult TamperedProblem(TamperedLogException ex) =>
        TypedResults.Problem(title: "The log was changed outside Docket", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
}
