using System.Globalization;

namespace Docket.Web.Statistics;

/// <summary>
/// How the host keeps the statistics: <c>Docket:Statistics:Releases</c> is <c>monthly</c> (the
/// default: a release once each month is complete) or <c>off</c>; <c>Docket:Statistics:CatchUpSeconds</c>
/// (default 2) is how often the projection catches up with the log.
/// </summary>
public sealed record StatisticsSettings(bool MonthlyReleases, TimeSpan CatchUpEvery)
{
    public static StatisticsSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Docket:Statistics");
        var releases = section["Releases"] ?? "monthly";
        if (releases is not ("monthly" or "off"))
        {
            throw new InvalidOperationException($"Docket:Statistics:Releases must be 'monthly' or 'off', not '{releases}'.");
        }

        var seconds = section["CatchUpSeconds"] is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"Docket:Statistics:CatchUpSeconds must be a number over 0, not '{text}'.")
            : 2;
        return new StatisticsSettings(releases == "monthly", TimeSpan.FromSeconds(seconds));
    }
}
