namespace Docket.Domain.Statistics;

/// <summary>
/// The numbers of disclosure control, with their sources in docs/statistics.md: cells of 1 to 10
/// are withheld (the CMS cell-size suppression policy), a rate needs a denominator of at least 16
/// (NCHS's reliability standard), and a withheld cell must stay uncertain by at least 10 whatever
/// an attacker combines.
/// </summary>
public static class DisclosureThresholds
{
    /// <summary>The largest count withheld by primary suppression (the smallest is 1: zeros are shown).</summary>
    public const long LargestSmallCell = 10;

    /// <summary>The smallest denominator a rate is shown for.</summary>
    public const long SmallestRateDenominator = 16;

    /// <summary>How wide the feasible range of every withheld cell must stay.</summary>
    public const long SmallestUncertainty = 10;

    /// <summary>The live figure is rounded to a multiple of this.</summary>
    public const long LiveRounding = 10;

    /// <summary>Primary suppression: a count from 1 to 10.</summary>
    public static bool IsSmall(long count) => count is >= 1 and <= LargestSmallCell;
}
