using Docket.Store.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Docket.Web.Audit;

/// <summary>
/// The signing key file is still there and still the key this server signs with. Without it
/// the server keeps recording events but issues no checkpoint: degraded, not down.
/// </summary>
public sealed class CheckpointKeyHealthCheck(CheckpointKeeper keeper) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var issuer = await keeper.GetAsync(cancellationToken);
            CheckpointKeyFile.RequireUnchanged(issuer.KeyPath, issuer.PublicKey);
            return HealthCheckResult.Healthy($"signing key {issuer.KeyPath}");
        }
        catch (CheckpointKeyException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
