using System.Globalization;
using System.Text;

namespace Docket.Bench;

/// <summary>The report's section on the staff pages (issue 12): each page as a ratio to the JSON it mirrors.</summary>
internal static class PagesTable
{
    public static void Write(StringBuilder s, IReadOnlyList<BackendRun> runs, int loadSeconds)
    {
        var measured = runs.Where(r => r.Pages is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        var clients = 8;
        s.AppendLine().AppendLine("## Staff pages, rendered on the server").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{clients} officers' browsers, each a different officer signed in through the real form (password and TOTP code) with its own cookie");
        s.AppendLine(CultureInfo.InvariantCulture, $"jar and connection, each sending its next request as soon as the last answered, {loadSeconds} s a figure in two alternating rounds");
        s.AppendLine(CultureInfo.InvariantCulture, $"(JSON, case page, My work, lists; then again), on the database loaded above. Cases are drawn at random from the first");
        s.AppendLine(CultureInfo.InvariantCulture, $"{measured[0].Pages!.Cases:N0} of the officers' office (NYC, about a fifth of the caseload); the JSON baseline is GET /api/cases/{{aNumber}} with a bearer");
        s.AppendLine("token for the same cases in the same order. Every case shown is written to the access log before the answer, on the pages as in the API.").AppendLine();
        s.AppendLine("| figure | target | " + string.Join(" | ", measured.Select(r => r.Name)) + " |");
        s.AppendLine("| --- | --- | " + string.Join(" | ", measured.Select(_ => "---")) + " |");
        Row(s, measured, "GET /api/cases/{aNumber} (JSON, the baseline): requests/s; p50 / p99", "", p => Figures(p.JsonCase));
        Row(s, measured, "GET /cases/{aNumber} (the case page): requests/s; p50 / p99", "p99 < 50 ms", p => Figures(p.CasePage));
        Row(s, measured, "**case page / JSON**: throughput; p50; p99", "", p => Ratios(p.CasePage, p.JsonCase));
        Row(s, measured, "GET /work (My work): requests/s; p50 / p99", "p99 < 50 ms", p => Figures(p.Work));
        Row(s, measured, "**My work / JSON case**: throughput; p50; p99", "", p => Ratios(p.Work, p.JsonCase));
        Row(s, measured, "My work's four JSON lists (deadlines, hearings, departures pending, idle) one after another: sets/s; p50 / p99", "", p => Figures(p.WorkLists));
        Row(s, measured, "**My work / its four JSON lists**: throughput; p50; p99", "", p => Ratios(p.Work, p.WorkLists));
    }

    public static string Figures(LoadResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Rate:N0}/s; {r.P50:F1} / {r.P99:F1} ms") + (r.Failed > 0 ? $" ({r.Failed} failed)" : "");

    /// <summary>Throughput as a ratio (higher is better), latencies as a ratio (lower is better).</summary>
    public static string Ratios(LoadResult r, LoadResult baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Rate / baseline.Rate:F2} x; {r.P50 / baseline.P50:F2} x; {r.P99 / baseline.P99:F2} x");

    private static void Row(StringBuilder s, List<BackendRun> runs, string label, string target, Func<PageFigures, string> pick) =>
        s.AppendLine($"| {label} | {target} | " + string.Join(" | ", runs.Select(r => pick(r.Pages!))) + " |");
}
