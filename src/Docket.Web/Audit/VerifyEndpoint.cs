using Docket.Store.Audit;
using Docket.Store.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Docket.Web.Audit;

/// <summary>GET /api/audit/verify: the same verification as <c>docket verify</c>, as a JSON report.</summary>
public static class VerifyEndpoint
{
    public static async Task<Ok<VerifyReportView>> Handle(AuditVerifier verifier, CheckpointKeeper keeper, IClock clock, CancellationToken cancellationToken)
    {
        var issuer = await keeper.GetAsync(cancellationToken);
        var checkedAt = EventWriter.FormatRecordedAt(clock.GetCurrentInstant());
        var report = await verifier.VerifyAsync(issuer.PublicKey, cancellationToken: cancellationToken);
        return TypedResults.Ok(VerifyReportView.From(report, checkedAt));
    }
}
