using System.Text.Json;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Web.Auth;
using Docket.Web.Infrastructure;
using Docket.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Docket.Web.Access;

/// <summary>A review of a break-glass read: who reviewed it, when, in which role, with what note.</summary>
public sealed record BreakGlassReviewView(long AccessId, string At, string Reviewer, string ReviewerRole, string Note)
{
    public static BreakGlassReviewView From(BreakGlassReviewRow r) => new(r.AccessId, r.At, r.Reviewer, r.ReviewerRole, r.Note);
}

/// <summary>A break-glass read (an access log entry) and its review, null while it awaits one.</summary>
public sealed record BreakGlassReadView(long Id, string At, string UserName, string Role, string? Office, string ANumber, string Purpose, string? Reason, BreakGlassReviewView? Review)
{
    public static BreakGlassReadView From(BreakGlassRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var e = read.Entry;
        return new(e.Id, e.At, e.UserName, e.Role, e.Office, e.ANumber, e.Purpose, e.Reason, read.Review is { } r ? BreakGlassReviewView.From(r) : null);
    }
}

/// <summary>The body of POST /api/audit/break-glass/reviews.</summary>
public sealed record BreakGlassReviewRequest(long AccessId, string Note);

/// <summary>
/// Break-glass reads and their reviews over the API, beside the page /audit/break-glass: a
/// supervisor or an auditor lists the reads awaiting review and marks each reviewed with a note,
/// never their own read, once. The review is written to the access log.
/// </summary>
public static class BreakGlassApi
{
    public static IEndpointRouteBuilder MapBreakGlassApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/break-glass", List)
            .RequireAuthorization(Policies.BreakGlassReview)
            .WithName("listBreakGlassReads")
            .ProducesProblems(400)
            .WithTags("Audit")
            .WithSummary("Break-glass reads and their reviews")
            .WithDescription("Allowed reads of a case outside the reader's caseload, with their reason, oldest first: `reviewed=false` (the default) those awaiting review, "
                + "`reviewed=true` those reviewed (with the review), `afterId` and `limit` (1 to 1000, default 100) to page.");
        app.MapPost("/api/audit/break-glass/reviews", Review)
            .RequireAuthorization(Policies.BreakGlassReview)
            .WithName("reviewBreakGlassRead")
            .Accepts<BreakGlassReviewRequest>("application/json")
            .ProducesProblems(400, 403, 404, 409)
            .WithTags("Audit")
            .WithSummary("Mark a break-glass read reviewed")
            .WithDescription($"{{accessId, note}}: the note is required, at most {BreakGlassReviews.MaxNote} characters (a longer one is a 400, never cut). "
                + "201 with the review; 400 if the entry is not a break-glass read; 403 for one's own read (someone else reviews it); 404 if there is no such entry; "
                + "409 if it was reviewed already (the review stands). The review, and each refused attempt, is written to the access log (purpose break-glass-review).");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<BreakGlassReadView>>, ProblemHttpResult>> List(bool? reviewed, long? afterId, int? limit, BreakGlassReviews reviews, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.BadRequest("Bad paging", ["limit: must be 1 to 1000 (default 100)"]);
        }

        var reads = await reviews.ListAsync(reviewed ?? false, afterId, limit ?? 100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BreakGlassReadView>>([.. reads.Select(BreakGlassReadView.From)]);
    }

    public static async Task<Results<Created<BreakGlassReviewView>, ProblemHttpResult>> Review(HttpContext http, BreakGlassReviews reviews, CancellationToken cancellationToken)
    {
        const string Title = "The review could not be read";
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("accessId", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var accessId)
            || !json.TryGetProperty("note", out var noteValue) || !StrictJson.TryGetText(noteValue, out var note)
            || json.EnumerateObject().Count() != 2)
        {
            return Problems.BadRequest(Title, [error ?? "the body must be exactly {accessId, note}: the access log entry's id (a number) and the note (text)"]);
        }

        var outcome = await reviews.ReviewAsync(accessId, ReviewerOf(http), note, cancellationToken);
        return outcome switch
        {
            ReviewOutcome.Reviewed done => TypedResults.Created($"/api/audit/break-glass?reviewed=true", BreakGlassReviewView.From(done.Review)),
            _ => Problem(outcome, accessId),
        };
    }

    public static Reviewer ReviewerOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.From(http.User);
        return new Reviewer(caller.Name, caller.Role, caller.Office);
    }

    /// <summary>A refusal as a problem: the page shows the same words.</summary>
    public static ProblemHttpResult Problem(ReviewOutcome outcome, long accessId) => outcome switch
    {
        ReviewOutcome.NoteNotAccepted bad => Problems.BadRequest("The note was not accepted", [bad.Reason]),
        ReviewOutcome.NotBreakGlass => Problems.BadRequest("Not a break-glass read", [$"accessId: entry {accessId} is not a break-glass read (an ordinary read, or a refused attempt): there is nothing to review"]),
        ReviewOutcome.OwnRead => Problems.Forbidden($"You made read {accessId} yourself: someone else, a supervisor or an auditor, must review it."),
        ReviewOutcome.NoSuchEntry => Problems.NotFound($"There is no access log entry {accessId}."),
        ReviewOutcome.AlreadyReviewed already => TypedResults.Problem(
            title: "Reviewed already",
            detail: $"Read {accessId} was reviewed by {already.Review.Reviewer} ({already.Review.ReviewerRole}) at {already.Review.At}; a review is never replaced.",
            statusCode: StatusCodes.Status409Conflict),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a refusal"),
    };
}
