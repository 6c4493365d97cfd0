using System.Security;
using Docket.Domain.Statistics;
using ScottPlot;

namespace Docket.Web.Statistics.Charts;

/// <summary>
/// Draws a statistics table as an SVG chart on the server (ScottPlot): a line over months, or bars
/// over values. A withheld cell is drawn as no bar (never as zero) and its label says
/// "withheld", so the chart shows exactly what the table beside it publishes. The SVG carries
/// role="img" and a title for screen readers; the table is the accessible form of the figures.
/// </summary>
public sealed class StatisticsCharts
{
    public const int Width = 720;
    public const int Height = 400;

    /// <summary>Said in place of a chart of a table with no cells: an empty plot would look like a drawing that failed.</summary>
    public const string NoFigures = "No figures in this release";

    /// <summary>Said in place of a chart whose every cell is withheld: axes with nothing on them would read as zeros.</summary>
    public const string AllWithheld = "All figures in this table are withheld to protect individuals";

    /// <summary>Said in place of a chart whose every count is 0: there would be no bar and no line to see.</summary>
    public const string AllZero = "Every count in this table is 0";

    /// <summary>Said in place of a chart whose counts are all 0 or withheld.</summary>
    public const string ZeroOrWithheld = "Every count in this table is 0 or withheld to protect individuals";

    /// <summary>Why a table gets no chart, or null when it has a count above zero to draw.</summary>
    public static string? NothingToDraw(IReadOnlyList<PublishedCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.Count == 0 ? NoFigures
            : cells.All(c => c.Count is null) ? AllWithheld
            : cells.Any(c => c.Count > 0) ? null
            : cells.Any(c => c.Count is null) ? ZeroOrWithheld
            : AllZero;
    }

    /// <summary>Departures by month: one point a month; a withheld month breaks the line.</summary>
    public string Line(string title, IReadOnlyList<PublishedCell> months)
    {
        var plot = NewPlot(title);
        for (var run = 0; run < months.Count;)
        {
            // Each stretch of published months is its own line, so a withheld month is a gap, not a zero.
            var stretch = months.Skip(run).TakeWhile(c => c.Count is not null).ToList();
            if (stretch.Count > 0)
            {
                var xs = Enumerable.Range(run, stretch.Count).Select(i => (double)i).ToArray();
                var line = plot.Add.Scatter(xs, [.. stretch.Select(c => (double)c.Count!.Value)]);
                line.Color = Colors.Navy;
                line.LineWidth = 2;
            }

            run += Math.Max(stretch.Count, 1);
        }

        Label(plot, months);
        return Svg(plot, title);
    }

    /// <summary>A table by kind, country, court...: one bar a value.</summary>
    public string Bars(string title, IReadOnlyList<PublishedCell> cells)
    {
        var plot = NewPlot(title);
        var bars = cells.Select((c, i) => (c, i)).Where(x => x.c.Count is not null)
            .Select(x => new Bar { Position = x.i, Value = x.c.Count!.Value, FillColor = Colors.Navy })
            .ToList();
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        Label(plot, cells);
        return Svg(plot, title);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Left.Label.Text = "count";
        return plot;
    }

    private static void Label(Plot plot, IReadOnlyList<PublishedCell> cells)
    {
        var ticks = cells.Select((c, i) => new Tick(i, c.Count is null ? $"{c.Value} (withheld)" : c.Value)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        // Labels that would not fit side by side are turned, so that none is dropped for overlapping.
        var turned = ticks.Sum(t => t.Label.Length) * 8 > Width * 0.7;
        plot.Axes.Bottom.TickLabelStyle.Rotation = turned ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = turned ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = turned ? 8 * ticks.Max(t => t.Label.Length) : 0;
        plot.Axes.SetLimitsX(-0.75, Math.Max(cells.Count, 1) - 0.25);
        plot.Axes.SetLimitsY(0, Math.Max(1, cells.Select(c => c.Count ?? 0).DefaultIfEmpty(0).Max() * 1.1));
    }

    private static string Svg(Plot plot, string title)
    {
        var svg = plot.GetSvgXml(Width, Height);
        // The accessible name: role and title right after the opening tag.
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = svg.IndexOf('>', open);
        var escaped = SecurityElement.Escape(title);
        // A viewBox makes the drawing scale with the column (a phone) instead of being cropped.
        var viewBox = svg.AsSpan(open, end - open).Contains("viewBox", StringComparison.Ordinal) ? "" : $" viewBox=\"0 0 {Width} {Height}\"";
        return string.Concat(svg.AsSpan(0, end), $"{viewBox} role=\"img\" aria-label=\"{escaped}\">", $"<title>{escaped}</title>", svg.AsSpan(end + 1));
    }
}
