namespace Docket.Store.Events;

/// <summary>One row of the <c>events</c> table, exactly as docs/architecture.md lays it out.</summary>
public sealed class EventRow
{
    public long Position { get; set; }

    public required string ANumber { get; set; }

    public int Version { get; set; }

    public required string Type { get; set; }

    public required string EffectiveOn { get; set; }

    public required string RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    public required string Payload { get; set; }

    public required byte[] PrevHash { get; set; }

    public required byte[] Hash { get; set; }
}
