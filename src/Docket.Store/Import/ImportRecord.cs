namespace Docket.Store.Import;

/// <summary>
/// One event read from an import file, in the log's own terms. A line of a Docket export
/// carries its version, chain and original author; a plain event line carries only
/// <c>{aNumber, type, on, ...fields}</c> and takes the next version of its case.
/// </summary>
public sealed record ImportRecord(long Line, string ANumber, string Type, string On, string Payload)
{
    /// <summary>Set for export lines: the version, chain and authorship to keep and re-check.</summary>
    public ExportedFields? Exported { get; init; }
}

public sealed record ExportedFields(int Version, string RecordedAt, string RecordedBy, byte[] PrevHash, byte[] Hash);

/// <summary>A line that could not be read, and why.</summary>
public sealed record ImportError(long Line, string ANumber, string Reason)
{
    public override string ToString() => $"line {Line}{(ANumber.Length > 0 ? $" (case {ANumber})" : "")}: {Reason}";
}
