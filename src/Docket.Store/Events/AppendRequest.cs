using Docket.Domain.Statistics;
using Docket.Store.Cases;

namespace Docket.Store.Events;

/// <summary>An event ready to be written: its wire type, effective date and canonical payload.</summary>
public sealed record PendingEvent(string Type, string On, string Payload)
{
    /// <summary>Set only when importing an export, whose original instant and author are kept.</summary>
    public string? RecordedAt { get; init; }

    public string? RecordedBy { get; init; }
}

/// <summary>
/// Events for one case, appended only if the case is still at <see cref="ExpectedVersion"/>
/// (0 for a new case). <see cref="Summary"/> is the case summary after these events, written
/// in the same transaction.
/// </summary>
public sealed record AppendRequest(
    string ANumber,
    int ExpectedVersion,
    IReadOnlyList<PendingEvent> Events,
    string RecordedBy,
    CaseRow? Summary)
{
    /// <summary>
    /// What the case adds to the statistics after these events, when the caller folded it (the
    /// command side of a host that keeps the statistics): the writer then counts it in the same
    /// transaction if the statistics are level with the log. Null leaves it to the projection.
    /// </summary>
    public CaseContribution? Statistics { get; init; }
}

public abstract record AppendResult
{
    public sealed record Appended(int Version, long LastPosition, IReadOnlyList<EventRow> Rows) : AppendResult;

    /// <summary>The case had moved on: someone else appended first. Nothing was written.</summary>
    public sealed record Conflict(int ActualVersion) : AppendResult;
}
