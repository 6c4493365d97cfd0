using System.Diagnostics;
using Docket.Store.Audit;

namespace Docket.Web.Audit;

/// <summary>
/// Issues checkpoints in the background: when <see cref="CheckpointSettings.EveryEvents"/> events
/// have been added since the last one, or <see cref="CheckpointSettings.EverySeconds"/> have passed
/// and the log grew. Its start opens the signing key, so a host whose key was lost does not start.
/// </summary>
internal sealed class CheckpointService(CheckpointKeeper keeper, CheckpointStore checkpoints, MerkleTreeStore tree, CheckpointSettings settings, ILogger<CheckpointService> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await keeper.GetAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(settings.EverySeconds!.Value);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Min(1, settings.EverySeconds.Value)));
        long? covered = null;
        var since = Stopwatch.GetTimestamp();
        string? lastError = null;
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                covered ??= (await checkpoints.LatestAsync(stoppingToken))?.TreeSize ?? 0;
                var size = await tree.SizeAsync(stoppingToken);
                var grown = size - covered.Value;
                if (grown >= settings.EveryEvents || (grown > 0 && Stopwatch.GetElapsedTime(since) >= every))
                {
                    var (checkpoint, _) = await (await keeper.GetAsync(stoppingToken)).IssueAsync(onlyIfGrown: true, stoppingToken);
                    covered = checkpoint.TreeSize;
                    since = Stopwatch.GetTimestamp();
                }

                lastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Logged once per distinct failure (a tampered log would otherwise log every second), and retried.
                if (ex.Message != lastError)
                {
                    logger.LogError(ex, "Could not issue a checkpoint: {Reason}", ex.Message);
                    lastError = ex.Message;
                }
            }
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
