using Docket.Store.Audit;

namespace Docket.Web.Audit;

/// <summary>A signed tree head as the API shows it; without <c>id</c> it is exactly what <c>docket verify --checkpoint</c> reads.</summary>
public sealed record CheckpointView(long Id, long TreeSize, string RootHash, string IssuedAt, string Signature)
{
    public static CheckpointView From(CheckpointRow row) =>
        new(row.Id, row.TreeSize, Convert.ToHexStringLower(row.RootHash), row.IssuedAt, row.Signature);
}

/// <summary>
/// An inclusion proof. There is deliberately no root in it: check it against the root of a
/// checkpoint you fetched and whose signature you checked with a key you already hold.
/// </summary>
public sealed record InclusionProofView(string ANumber, int Version, long Position, long LeafIndex, long TreeSize, string EventHash, string LeafHash, IReadOnlyList<string> AuditPath);

/// <summary>A consistency proof between two tree sizes (again without roots: use the two checkpoints you trust).</summary>
public sealed record ConsistencyProofView(long From, long To, IReadOnlyList<string> Proof);

public sealed record FindingView(string Kind, long Position, string Message, string? ANumber, int? Version, long? CheckpointId, long? TreeSize)
{
    public static FindingView From(AuditFinding f) =>
        new(f.Kind.ToString().ToLowerInvariant(), f.Position, f.Message, f.ANumber, f.Version, f.CheckpointId, f.TreeSize);
}

/// <summary>The verification report auditors get from GET /api/audit/verify.</summary>
public sealed record VerifyReportView(bool Intact, string CheckedAt, long EventsChecked, int CasesChecked, int CheckpointsChecked, long TreeSize, FindingView? FirstBad, IReadOnlyList<FindingView> Findings)
{
    public static VerifyReportView From(AuditReport report, string checkedAt) => new(
        report.Intact,
        checkedAt,
        report.EventsChecked,
        report.CasesChecked,
        report.CheckpointsChecked,
        report.TreeSize,
        report.FirstBad is { } first ? FindingView.From(first) : null,
        report.Findings.OrderBy(f => f.Position).ThenBy(f => f.Kind).Select(FindingView.From).ToList());
}
