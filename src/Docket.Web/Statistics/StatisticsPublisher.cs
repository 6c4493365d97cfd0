using Docket.Store.Statistics;
using Microsoft.AspNetCore.OutputCaching;
using NodaTime;

namespace Docket.Web.Statistics;

/// <summary>
/// Issues releases for the web host (on its schedule, or asked), and forgets the cached answers
/// when a new one is issued, so the default answer is the latest release at once.
/// </summary>
public sealed class StatisticsPublisher(StatisticsReleases releases, StatisticsProjection projection, IOutputCacheStore cache)
{
    public const string CacheTag = "statistics";

    public StatisticsReleases Releases { get; } = releases;

    public async Task<IssueResult> IssueAsync(YearMonth? through = null, CancellationToken cancellationToken = default)
    {
        var result = await Releases.IssueAsync(through, cancellationToken);
        if (result.Issued)
        {
            await cache.EvictByTagAsync(CacheTag, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The schedule's step: issues the release of the last complete month once that month is
    /// over and no release covers it yet; nothing while the log is empty.
    /// </summary>
    public async Task<IssueResult?> IssueIfDueAsync(CancellationToken cancellationToken = default)
    {
        var due = Releases.LastCompleteMonth();
        var latest = await Releases.GetAsync(null, cancellationToken);
        if (latest is not null && Domain.Statistics.StatisticsMonth.Parse(latest.Summary.ThroughMonth) >= due)
        {
            return null;
        }

        if ((await projection.LagAsync(cancellationToken)).LogEnd == 0)
        {
            return null;
        }

        return await IssueAsync(due, cancellationToken);
    }
}
