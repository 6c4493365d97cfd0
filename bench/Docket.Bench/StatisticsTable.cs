using System.Globalization;
using System.Text;

namespace Docket.Bench;

/// <summary>The report's section on the statistics (issue 13): the release, the write path with and without maintenance, each query against /healthz.</summary>
internal static class StatisticsTable
{
    public static void Write(StringBuilder s, IReadOnlyList<BackendRun> runs)
    {
        if (runs.All(r => r.Release is null && r.AppendsWithoutStatistics is null && r.Statistics is null))
        {
            return;
        }

        s.AppendLine().AppendLine("## Statistics").AppendLine();
        s.AppendLine("The statistics projection is caught up and a release issued by `docket stats release` right after the import (so no API phase");
        s.AppendLine("meets the catch-up of the whole log). The write path is the API appends above, on servers with the background statistics");
        s.AppendLine("catch-up (every 2 s, as `docket serve` runs) and without it (`DocketWebOptions.MaintainsStatistics`, code only), in");
        s.AppendLine("eight alternating rounds of a quarter of the phase each (with, without, without, with, without, with, with, without);");
        s.AppendLine("the projection is caught up between rounds.").AppendLine();
        s.AppendLine("| figure | target | " + string.Join(" | ", runs.Select(r => r.Name)) + " |");
        s.AppendLine("| --- | --- | " + string.Join(" | ", runs.Select(_ => "---")) + " |");
        Row(s, runs, "`docket stats release` after the import: catch-up of the whole log and the release, events/s (time)", "", r => r.Release is { } rel
            ? string.Create(CultureInfo.InvariantCulture, $"{rel.Events / rel.Run.Elapsed.TotalSeconds:N0} ({rel.Run.Elapsed.TotalSeconds:F1} s)")
            : "not run");
        Row(s, runs, "API appends with statistics maintenance, events/s; p50 / p99", "", r => r.AppendsWithoutStatistics is null ? "not compared" : PagesTable.Figures(r.AppendResult!));
        Row(s, runs, "the same appends without statistics maintenance, events/s; p50 / p99", "", r => r.AppendsWithoutStatistics is { } w ? PagesTable.Figures(w) : "not compared");
        Row(s, runs, "**appends with / without statistics maintenance**", ">= 90 %", r => r.AppendsWithoutStatistics is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"{r.AppendResult!.Rate / w.Rate * 100:F0} %")
            : "not compared");

        var measured = runs.Where(r => r.Statistics is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        var first = measured[0].Statistics!;
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Each query after the release, {first.Clients} clients of the public for {first.PhaseTime.TotalSeconds:F0} s each, on one server, against GET /healthz on the same");
        s.AppendLine("server just before. Public answers are rate-limited to 120 a minute an address: each client moves to a fresh loopback source");
        s.AppendLine("address (127.x.y.z) after 100 requests, as the next person would, so the limiter runs but never refuses. *Served* is as the");
        s.AppendLine("public meets it, from the 30-second output cache (the share served from it in brackets); *uncached* is the handler's own");
        s.AppendLine("work on every request (sent with a bearer token, which the output cache never answers; an answer from the cache would count");
        s.AppendLine("as a failure). GET /statistics, the public page, is cached the same way; uncached, it reads every table and draws its charts.").AppendLine();
        s.AppendLine("| query | target | " + string.Join(" | ", measured.Select(r => $"{r.Name} served | {r.Name} uncached")) + " |");
        s.AppendLine("| --- | --- | " + string.Join(" | ", measured.Select(_ => "--- | ---")) + " |");
        s.AppendLine("| GET /healthz (baseline): p99; requests/s |  | " + string.Join(" | ", measured.Select(r => $"{Cell(r.Statistics!.Health, null)} | ")) + " |");
        foreach (var path in first.Queries.Select(q => q.Path))
        {
            var target = path == StatisticsLoad.Page ? "" : "p99 < 100 ms";
            s.AppendLine($"| GET {path} | {target} | " + string.Join(" | ", measured.Select(r =>
            {
                var stats = r.Statistics!;
                var q = stats.Queries.Single(x => x.Path == path);
                var served = Cell(q.Served, stats.Health) + string.Create(CultureInfo.InvariantCulture, $" ({q.ServedFromCache * 100:F0} % cached)");
                return $"{served} | {(q.Uncached is { } u ? Cell(u, stats.Health) : "(not cached)")}";
            })) + " |");
        }
    }

    /// <summary>p99, its ratio to the baseline's p99, and the rate.</summary>
    private static string Cell(LoadResult r, LoadResult? baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.P99:F1} ms") + (baseline is null ? "" : string.Create(CultureInfo.InvariantCulture, $" = **{r.P99 / baseline.P99:F1} x**"))
        + string.Create(CultureInfo.InvariantCulture, $"; {r.Rate:N0}/s") + (r.Failed > 0 ? $"; {r.Failed} failed" : "");

    private static void Row(StringBuilder s, IReadOnlyList<BackendRun> runs, string label, string target, Func<BackendRun, string> pick) =>
        s.AppendLine($"| {label} | {target} | " + string.Join(" | ", runs.Select(pick)) + " |");
}
