using System.Xml.Linq;
using Docket.Domain.Statistics;
using Docket.Web.Statistics.Charts;

namespace Docket.Web.Tests.Statistics;

/// <summary>The server-side SVG charts: well-formed, named for screen readers, withheld cells marked and not drawn as zero.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly PublishedCell[] ByKind =
    [
        new("departure-without-order", 120, CellStatus.Published, 80),
        new("self-removal", null, CellStatus.Secondary, null),
        new("timely-voluntary-departure", null, CellStatus.Primary, null),
    ];

    private static string Texts(XDocument svg) => string.Join("|", svg.Descendants(Svg + "text").Select(t => t.Value));

    [Fact]
    public void A_bar_chart_is_well_formed_SVG_with_a_title_and_its_withheld_values_marked()
    {
        var svg = XDocument.Parse(new StatisticsCharts().Bars("Departures by kind, 2026-01 to 2026-03", ByKind));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("img", svg.Root.Attribute("role")?.Value);
        Assert.Equal("Departures by kind, 2026-01 to 2026-03", svg.Root.Element(Svg + "title")?.Value);
        var texts = Texts(svg);
        Assert.Contains("departure-without-order", texts, StringComparison.Ordinal);
        Assert.Contains("self-removal (withheld)", texts, StringComparison.Ordinal);
        Assert.Contains("timely-voluntary-departure (withheld)", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("departure-without-order (withheld)", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withheld_cell_draws_nothing_where_a_published_one_draws_a_bar()
    {
        var charts = new StatisticsCharts();
        PublishedCell[] allPublished = [.. ByKind.Select(c => c with { Count = c.Count ?? 40, Status = CellStatus.Published })];

        var withheld = XDocument.Parse(charts.Bars("by kind", ByKind)).Descendants().Count();
        var published = XDocument.Parse(charts.Bars("by kind", allPublished)).Descendants().Count();

        Assert.True(published > withheld, $"two more bars should draw more: {published} elements against {withheld}");
    }

    [Fact]
    public void A_line_over_months_breaks_at_a_withheld_month_and_escapes_its_title()
    {
        PublishedCell[] months =
        [
            new("2026-01", 40, CellStatus.Published, null),
            new("2026-02", null, CellStatus.Primary, null),
            new("2026-03", 55, CellStatus.Published, null),
        ];

        var svg = XDocument.Parse(new StatisticsCharts().Line("Departures by month <& more>", months));

        Assert.Equal("Departures by month <& more>", svg.Root!.Element(Svg + "title")?.Value);
        Assert.Contains("2026-02 (withheld)", Texts(svg), StringComparison.Ordinal);
        Assert.NotEmpty(XDocument.Parse(new StatisticsCharts().Bars("nothing yet", [])).Root!.Elements());
    }

    [Fact]
    public void A_table_with_no_cells_or_no_count_above_zero_has_nothing_to_draw_and_says_why()
    {
        Assert.Equal(StatisticsCharts.NoFigures, StatisticsCharts.NothingToDraw([]));
        Assert.Equal(StatisticsCharts.AllWithheld, StatisticsCharts.NothingToDraw([.. ByKind.Where(c => c.Count is null)]));
        Assert.Null(StatisticsCharts.NothingToDraw(ByKind));
        Assert.Equal(StatisticsCharts.AllZero, StatisticsCharts.NothingToDraw([new("2026-01", 0, CellStatus.Published, null), new("2026-02", 0, CellStatus.Published, null)]));
        Assert.Equal(StatisticsCharts.ZeroOrWithheld, StatisticsCharts.NothingToDraw([new("2026-01", 0, CellStatus.Published, null), new("2026-02", null, CellStatus.Primary, null)]));
        Assert.Null(StatisticsCharts.NothingToDraw([new("2026-01", 0, CellStatus.Published, null), new("2026-02", 11, CellStatus.Published, null)]));
    }
}
