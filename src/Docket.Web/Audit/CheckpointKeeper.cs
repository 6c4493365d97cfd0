using Docket.Store;
using Docket.Store.Audit;
using NodaTime;

namespace Docket.Web.Audit;

/// <summary>
/// Holds the instance's <see cref="CheckpointIssuer"/> (and so its signing key) for the web host.
/// It is opened once, when the host starts (<see cref="CheckpointService"/>): a lost or foreign
/// key stops the start with the reason, rather than a new key being made quietly.
/// </summary>
public sealed class CheckpointKeeper(DocketDatabase database, CheckpointSettings settings, IClock clock) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private CheckpointIssuer? issuer;

    public async Task<CheckpointIssuer> GetAsync(CancellationToken cancellationToken = default)
    {
        if (issuer is { } ready)
        {
            return ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return issuer ??= await CheckpointIssuer.OpenAsync(database, settings.KeyPath!, clock, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        issuer?.Dispose();
        gate.Dispose();
    }
}
