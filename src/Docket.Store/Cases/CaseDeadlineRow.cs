namespace Docket.Store.Cases;

/// <summary>
/// The running deadlines projection: one row per deadline a case's history lists on some day,
/// with the days it is listed (<c>listed_from</c> to <c>listed_until</c>, both included; the
/// domain's <c>DeadlineTimeline</c>), and the case's office and attorney so that a caseload's
/// deadlines due soon are one index range. Rewritten with the case summary in the writer's
/// transaction; derived, rebuilt from the log like the summary.
/// </summary>
public sealed class CaseDeadlineRow
{
    public required string ANumber { get; set; }

    /// <summary>The deadline's place in the case's timeline (0, 1, 2, ...).</summary>
    public int Seq { get; set; }

    public required string Kind { get; set; }

    /// <summary>YYYY-MM-DD, as the API shows it.</summary>
    public required string Due { get; set; }

    public required string Rule { get; set; }

    /// <summary>The first day the deadline is listed (YYYY-MM-DD; 0001-01-01 for always).</summary>
    public required string ListedFrom { get; set; }

    /// <summary>The last day the deadline is listed (YYYY-MM-DD; 9999-12-31 for always).</summary>
    public required string ListedUntil { get; set; }

    public required string Office { get; set; }

    public string? AttorneyBarNumber { get; set; }
}
