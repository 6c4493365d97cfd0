using System.Collections.Frozen;

namespace Docket.Domain.Statistics;

/// <summary>The tables a release answers (the <c>by</c> of the API) and the values each always lists.</summary>
public static class StatisticsDimensions
{
    public static readonly IReadOnlyList<string> Departures = ["country", "month", "kind", "source"];

    public static readonly IReadOnlyList<string> Outcomes = ["year", "court", "relief", "representation", "in-absentia"];

    /// <summary>Values listed even when zero: the fixed vocabularies (countries, courts and years are those counted).</summary>
    public static readonly FrozenDictionary<string, string[]> FixedValues = new Dictionary<string, string[]>
    {
        ["kind"] = ["departure-without-order", "self-removal", "timely-voluntary-departure"],
        ["source"] = ["carrier-manifest", "exit-record", "self-report"],
        ["relief"] = ["adjustment", "asylum", "cancellation", "cat", "none", "voluntary-departure", "withholding"],
        ["representation"] = ["represented", "unrepresented"],
        ["in-absentia"] = ["false", "true"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string ValueOf(DepartureCell cell, string by) => by switch
    {
        "country" => cell.Country,
        "month" => cell.Month,
        "kind" => cell.Kind,
        "source" => cell.Source,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not a departures table"),
    };

    public static string ValueOf(OutcomeCell cell, string by) => by switch
    {
        "year" => FiscalYear.Name(StatisticsMonth.Parse(cell.Month)),
        "court" => cell.Court,
        "relief" => cell.Relief,
        "representation" => cell.Representation,
        "in-absentia" => cell.InAbsentia,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not an outcomes table"),
    };
}
