namespace Docket.Store.Cases;

/// <summary>
/// The case summary projection: identity, office and where the case stands, updated in the
/// same transaction as the events it summarises. Searches and caseloads read it.
/// </summary>
public sealed class CaseRow
{
    public required string ANumber { get; set; }

    public required string FamilyName { get; set; }

    public required string GivenNames { get; set; }

    public required string DateOfBirth { get; set; }

    public required string Citizenship { get; set; }

    public required string Office { get; set; }

    public required string Stage { get; set; }

    public int Version { get; set; }

    /// <summary>The bar number of the attorney of record, if any: an attorney's caseload.</summary>
    public string? AttorneyBarNumber { get; set; }

    /// <summary>The hearing currently set (YYYY-MM-DD), for the caseload calendar.</summary>
    public string? NextHearingOn { get; set; }

    /// <summary>
    /// When the case's last event was recorded (the server instant, as <c>events.recorded_at</c>):
    /// the caseload's cases with nothing recorded for a long time. Written by the summary writer
    /// from the log itself, so every path that writes a summary keeps it.
    /// </summary>
    public string? LastRecordedAt { get; set; }

    /// <summary>
    /// The version of the case's departure report awaiting verification (its last
    /// <c>DepartureReported</c> with no verification, rejection or newer report after it), or null:
    /// the verification queue. Written with <see cref="LastRecordedAt"/>, from the log itself.
    /// </summary>
    public int? PendingDepartureVersion { get; set; }

    /// <summary>That report's departure date (YYYY-MM-DD): the queue is oldest departure first.</summary>
    public string? PendingDepartureOn { get; set; }

    /// <summary>
    /// The case's deadlines and the days each is listed (not a column: the summary writer keeps
    /// them in <c>case_deadlines</c>, <see cref="CaseDeadlineRow"/>, in the same transaction).
    /// </summary>
    public IReadOnlyList<Docket.Domain.Deadlines.ListedDeadline> RunningDeadlines { get; set; } = [];

    /// <summary>PBKDF2 hash of the self-service access code (salt then hash).</summary>
    public required byte[] AccessCodeHash { get; set; }
}
