using Docket.Domain.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Docket.Domain.Tests.Statistics;

/// <summary>
/// Generated projections: a few months, destinations, courts, with counts that are mostly zero
/// or small, so that suppression has work to do, and now and then large.
/// </summary>
internal static class GeneratedTables
{
    public static readonly string[] Months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];

    private static readonly string[] Countries = ["CRI", "GTM", "HND", "MEX", "SLV", "VEN"];

    private static readonly string[] Courts = ["Brindlemoor", "Fallowmere", "Quillbridge"];

    private static readonly Gen<long> Count = Gen.Frequency(
        (6, Gen.Constant(0L)),
        (3, Gen.Choose(1, 10).Select(c => (long)c)),
        (2, Gen.Choose(11, 60).Select(c => (long)c)));

    public static Gen<List<DepartureCell>> Departures { get; } =
        from months in Gen.Choose(1, Months.Length)
        from countries in Gen.Choose(1, Countries.Length)
        from counts in Gen.ArrayOf(Count, months * countries * 3 * 3)
        select Finest(months, countries, counts);

    public static Gen<List<OutcomeCell>> Outcomes { get; } =
        from counts in Gen.ArrayOf(Count, 3 * Courts.Length * 2 * 2 * 2)
        select OutcomesOf(counts);

    private static List<DepartureCell> Finest(int months, int countries, long[] counts)
    {
        var kinds = StatisticsDimensions.FixedValues["kind"];
        var sources = StatisticsDimensions.FixedValues["source"];
        var cells = new List<DepartureCell>();
        var i = 0;
        foreach (var month in Months.Take(months))
        {
            foreach (var country in Countries.Take(countries))
            {
                foreach (var kind in kinds)
                {
                    foreach (var source in sources)
                    {
                        cells.Add(new DepartureCell(month, country, kind, source, counts[i++]));
                    }
                }
            }
        }

        return cells;
    }

    private static List<OutcomeCell> OutcomesOf(long[] counts)
    {
        // Three fiscal years (a month of each), three courts, two reliefs.
        string[] months = ["2025-03", "2025-11", "2026-10"];
        string[] reliefs = ["asylum", "none"];
        var cells = new List<OutcomeCell>();
        var i = 0;
        foreach (var month in months)
        {
            foreach (var court in Courts)
            {
                foreach (var relief in reliefs)
                {
                    foreach (var representation in new[] { "represented", "unrepresented" })
                    {
                        foreach (var inAbsentia in new[] { "true", "false" })
                        {
                            cells.Add(new OutcomeCell(month, court, relief, representation, inAbsentia, counts[i++]));
                        }
                    }
                }
            }
        }

        return cells;
    }
}
