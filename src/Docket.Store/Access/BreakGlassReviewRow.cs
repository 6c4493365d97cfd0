namespace Docket.Store.Access;

/// <summary>
/// A supervisor's or auditor's review of one break-glass read, with their note. Append-only,
/// like the access log it reviews: a review is never edited, and a read is reviewed once (a
/// unique index on <see cref="AccessId"/>).
/// </summary>
public sealed class BreakGlassReviewRow
{
    public long Id { get; set; }

    /// <summary>The access log entry reviewed.</summary>
    public long AccessId { get; set; }

    /// <summary>Server instant, text <c>YYYY-MM-DDTHH:MM:SS.fffZ</c>.</summary>
    public required string At { get; set; }

    public required string Reviewer { get; set; }

    public required string ReviewerRole { get; set; }

    public required string Note { get; set; }
}
