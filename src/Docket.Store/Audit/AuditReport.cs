using Docket.Domain.Audit;

namespace Docket.Store.Audit;

/// <summary>What a finding is about. At the same position an event is named before the tree or a checkpoint.</summary>
public enum FindingKind { Event, Tree, Checkpoint }

/// <summary>
/// One thing <c>docket verify</c> found wrong, placed in the log by <see cref="Position"/>: the
/// event's position, or for a checkpoint the last position it covers (the first missing one
/// when events were removed). The message names the event or checkpoint and says what is wrong.
/// </summary>
public sealed record AuditFinding(FindingKind Kind, long Position, string Message)
{
    public string? ANumber { get; init; }

    public int? Version { get; init; }

    /// <summary>The checkpoint's id in the database; null for a checkpoint given from outside (a witness's copy).</summary>
    public long? CheckpointId { get; init; }

    public long? TreeSize { get; init; }

    public override string ToString() => Message;
}

/// <summary>A checkpoint kept outside the database (by a witness), to check against the live log.</summary>
public sealed record WitnessCheckpoint(string Name, SignedCheckpoint Checkpoint);

/// <summary>The outcome of verifying the whole log: chains, tree, checkpoints (and a witness's checkpoint, if given).</summary>
public sealed record AuditReport(long EventsChecked, int CasesChecked, int CheckpointsChecked, long TreeSize, IReadOnlyList<AuditFinding> Findings)
{
    public bool Intact => Findings.Count == 0;

    /// <summary>The earliest thing wrong in log order: what the last line of <c>docket verify</c> names.</summary>
    public AuditFinding? FirstBad => Findings.OrderBy(f => f.Position).ThenBy(f => f.Kind).FirstOrDefault();

    /// <summary>False when no key was given: checkpoints' roots and order were checked, their signatures were not.</summary>
    public bool SignaturesChecked { get; init; } = true;

    /// <summary>True when a witness's checkpoint was given and it matches the log.</summary>
    public bool? WitnessMatches { get; init; }
}
