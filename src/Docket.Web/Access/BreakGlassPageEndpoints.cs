using System.Globalization;
using Docket.Store.Access;
using Docket.Web.Auth;
using Docket.Web.Pages;

namespace Docket.Web.Access;

/// <summary>
/// GET /audit/break-glass, the page of GET /api/audit/break-glass: the break-glass reads awaiting
/// review, oldest first, 25 a page; POST /audit/break-glass, the form of POST
/// /api/audit/break-glass/reviews (accessId, note): reviewed, it goes back to the list saying so;
/// refused (one's own read, reviewed already, not a break-glass read, no note or a note too long),
/// the list again with the reason beside the read and the note as it was typed.
/// </summary>
public static class BreakGlassPageEndpoints
{
    public const int PageSize = 25;

    public static void MapBreakGlassPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit/break-glass", (long? after, long? reviewed, HttpContext http, BreakGlassReviews reviews, CancellationToken cancellationToken) =>
            RenderAsync(after, reviewed, http, reviews, null, StatusCodes.Status200OK, cancellationToken)).RequireAuthorization(PagePolicies.BreakGlassReview);
        pages.MapPost("/audit/break-glass", ReviewAsync).RequireAuthorization(PagePolicies.BreakGlassReview);
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, BreakGlassReviews reviews, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? note = form["note"];
        if (!long.TryParse(form["accessId"], NumberStyles.None, CultureInfo.InvariantCulture, out var accessId))
        {
            return PageResults.Error(StatusCodes.Status400BadRequest, "The review could not be read", "The form did not say which read it reviews. Go back, reload the page and send it again.");
        }

        var outcome = await reviews.ReviewAsync(accessId, BreakGlassApi.ReviewerOf(http), note, cancellationToken);
        if (outcome is ReviewOutcome.Reviewed)
        {
            return Results.Redirect($"/audit/break-glass?reviewed={accessId}");
        }

        // The API's words and status, beside the read they are about.
        var problem = BreakGlassApi.Problem(outcome, accessId);
        var errors = problem.ProblemDetails.Extensions.TryGetValue("errors", out var listed) && listed is IReadOnlyList<string> lines ? lines : [problem.ProblemDetails.Detail ?? ""];
        long? after = long.TryParse(form["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        return await RenderAsync(after, null, http, reviews, new ReviewRefusal(accessId, note ?? "", errors), problem.StatusCode, cancellationToken);
    }

    private static async Task<IResult> RenderAsync(long? after, long? reviewed, HttpContext http, BreakGlassReviews reviews, ReviewRefusal? refusal, int status, CancellationToken cancellationToken)
    {
        var reads = await reviews.ListAsync(reviewed: false, after, PageSize + 1, cancellationToken);
        return PageResults.Page<BreakGlassPage>(
            new
            {
                Reads = (IReadOnlyList<BreakGlassReadView>)[.. reads.Take(PageSize).Select(BreakGlassReadView.From)],
                NextAfter = reads.Count > PageSize ? reads[PageSize - 1].Entry.Id : (long?)null,
                After = after,
                Me = Caller.From(http.User).Name,
                Reviewed = reviewed,
                Refusal = refusal,
            },
            status);
    }
}

/// <summary>A review the page could not save: which read, the note as typed, and why.</summary>
public sealed record ReviewRefusal(long AccessId, string Note, IReadOnlyList<string> Errors);
