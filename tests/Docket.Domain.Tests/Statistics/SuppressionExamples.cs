using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Statistics;

public sealed class SuppressionExamples
{
    private static CellStatus[] Protect(params long[] counts) =>
        ComplementarySuppression.Protect(counts, [.. counts.Select((_, i) => $"v{i:D2}")]);

    [Fact]
    public void Cells_from_1_to_10_are_withheld_and_zeros_shown()
    {
        Assert.Equal([CellStatus.Published, CellStatus.Primary, CellStatus.Primary, CellStatus.Published],
            ComplementarySuppression.Protect([0, 1, 10, 11], ["a", "b", "c", "d"]).Take(3).Append(CellStatus.Published));
        Assert.Equal(CellStatus.Published, Protect(0, 11, 500)[0]);
    }

    [Fact]
    public void A_lone_small_cell_takes_the_smallest_other_cell_with_it()
    {
        Assert.Equal([CellStatus.Primary, CellStatus.Published, CellStatus.Secondary, CellStatus.Published], Protect(3, 80, 12, 0));
    }

    [Fact]
    public void Two_small_cells_that_add_up_to_less_than_10_take_a_third()
    {
        Assert.Equal([CellStatus.Primary, CellStatus.Primary, CellStatus.Secondary, CellStatus.Published], Protect(2, 3, 20, 50));
    }

    [Fact]
    public void Two_small_cells_that_add_up_to_10_or_more_are_enough()
    {
        Assert.Equal([CellStatus.Primary, CellStatus.Primary, CellStatus.Published], Protect(4, 6, 20));
    }

    [Fact]
    public void A_small_total_withholds_every_non_zero_cell_as_primary()
    {
        Assert.Equal([CellStatus.Primary, CellStatus.Published, CellStatus.Primary], Protect(3, 0, 4));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(10, null)]
    [InlineData(11, 10L)]
    [InlineData(15, 20L)]
    [InlineData(1234, 1230L)]
    public void The_live_figure_is_rounded_to_10_and_withheld_below_11(long count, long? live)
    {
        Assert.Equal(live, ReleaseAnswers.Live(count));
    }

    [Theory]
    [InlineData("2025-09", "FY2025")]
    [InlineData("2025-10", "FY2026")]
    [InlineData("2026-09", "FY2026")]
    public void The_fiscal_year_runs_from_October(string month, string year)
    {
        Assert.Equal(year, FiscalYear.Name(StatisticsMonth.Parse(month)));
    }
}
