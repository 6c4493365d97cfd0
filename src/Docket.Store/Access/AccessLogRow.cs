namespace Docket.Store.Access;

/// <summary>
/// One read of a case (or a refused attempt): who, in which role and office, when, which
/// case, and why. Append-only, like the event log; the person can see who read their file.
/// </summary>
public sealed class AccessLogRow
{
    public long Id { get; set; }

    /// <summary>Server instant, text <c>YYYY-MM-DDTHH:MM:SS.fffZ</c>.</summary>
    public required string At { get; set; }

    public required string UserName { get; set; }

    public required string Role { get; set; }

    public string? Office { get; set; }

    public required string ANumber { get; set; }

    /// <summary>What was read (for example "case", "deadlines", "removal-check").</summary>
    public required string Purpose { get; set; }

    /// <summary>A read outside the caller's caseload, with a stated reason: flagged for audit.</summary>
    public bool BreakGlass { get; set; }

    public string? Reason { get; set; }

    /// <summary>"allowed" or "refused".</summary>
    public required string Outcome { get; set; }
}
