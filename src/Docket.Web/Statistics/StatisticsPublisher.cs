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

    public async Task<IssueResult> IssueAsync(YearMonth? through = null, bool unlessCovered = false, CancellationToken cancellationToken = default)
    {
        var result = await Releases.IssueAsync(through, unlessCovered, cancellationToken);
        if (result.Issued)
        {
            await cache.EvictByTagAsync(CacheTag, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The schedule's step: issues the release of the last complete month once that month is
    /// over and no release covers it yet; nothing while the log is empty. The check here only
    /// spares the catch-up; the release is judged again under the issuers' lock, where another
    /// issuer (<c>docket stats release</c>, or a request) may have covered the month since.
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

        return await IssueAsync(due, unlessCovered: true, cancellationToken);
    }
}
