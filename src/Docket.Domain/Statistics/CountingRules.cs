namespace Docket.Domain.Statistics;

/// <summary>The counting rules every release carries, word for word (docs/statistics.md explains them).</summary>
public static class CountingRules
{
    public const string Text = """
        Counting rules, version 1.
        Departures: each verified departure of a case is counted once (a duplicate report of the same departure is not counted again), in the month of the departure's own date, by destination country (ISO 3166-1 alpha-3), kind (DEPART-SELF-REMOVAL: timely-voluntary-departure, self-removal, departure-without-order, decided by the departure's date) and source of the report (self-report, exit-record, carrier-manifest).
        Outcomes: each judge's decision in a case's history, corrections applied, by federal fiscal year of the decision (October to September, FY2026 = October 2025 to September 2026), court of the last hearing scheduled before it ("unknown" if none), relief granted ("none" if none), representation (an attorney of record on the case at the decision) and in absentia.
        A release covers every complete month up to its last month; a period of the API is whole months.
        Disclosure control: cells of 1 to 10 are withheld (primary); further cells are withheld (secondary) so that no withheld cell can be worked out to within 10 from the published cells of the release, month totals and every other table; a figure over several months is published only when each of its months is; rates are shown only where the denominator is at least 16. The live figure of the current month is national, rounded to the nearest 10, and withheld below 11.
        """;
}
