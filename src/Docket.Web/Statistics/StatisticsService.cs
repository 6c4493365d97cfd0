using Docket.Store.Statistics;

namespace Docket.Web.Statistics;

/// <summary>
/// Keeps the statistics in the background: the projection catches up with the log every few
/// seconds (its lag is what it has not counted yet), and, when releases are monthly, a release is
/// issued as soon as a month is complete (checked on the same beat).
/// </summary>
internal sealed class StatisticsService(StatisticsProjection projection, StatisticsPublisher publisher, StatisticsSettings settings, ILogger<StatisticsService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.CatchUpEvery);
        string? lastError = null;
        do
        {
            try
            {
                await projection.CatchUpAsync(stoppingToken);
                if (settings.MonthlyReleases)
                {
                    await publisher.IssueIfDueAsync(stoppingToken);
                }

                lastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Logged once per distinct failure (an unavailable database would otherwise log every tick), and retried.
                if (ex.Message != lastError)
                {
                    logger.LogError(ex, "Could not keep the statistics: {Reason}", ex.Message);
                    lastError = ex.Message;
                }
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
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
