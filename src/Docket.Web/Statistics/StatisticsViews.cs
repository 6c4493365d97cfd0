using System.Text.Json.Serialization;
using Docket.Domain.Statistics;
using Docket.Store.Statistics;

namespace Docket.Web.Statistics;

/// <summary>Which release an answer comes from.</summary>
public sealed record ReleaseView(int Number, string IssuedAt, string ThroughMonth)
{
    public static ReleaseView Of(ReleaseSummary summary) => new(summary.Number, summary.IssuedAt, summary.ThroughMonth);
}

/// <summary>A release as listed, with its note of changes and counting rules.</summary>
public sealed record ReleaseListing(int Number, string IssuedAt, string ThroughMonth, string Note, string CountingRules);

/// <summary>
/// The live figure of the current month, national only: rounded to the nearest 10, withheld
/// (count null, suppressed, reason "primary") below 11.
/// </summary>
public sealed record LiveView(
    string Month,
    long? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>
/// A statistics answer (DESIGN.md, v1.1): each cell is <c>{&lt;by&gt;: value, count}</c>, with
/// <c>rate</c> where shown; a withheld cell is <c>{&lt;by&gt;: value, count: null, suppressed: true,
/// reason}</c>, listed, never omitted.
/// </summary>
public sealed record StatisticsAnswer(
    ReleaseView Release,
    string By,
    string? From,
    string To,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Cells,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LiveView? Live)
{
    public static IReadOnlyDictionary<string, object?> Cell(string by, PublishedCell cell)
    {
        var view = new Dictionary<string, object?>(StringComparer.Ordinal) { [by] = cell.Value, ["count"] = cell.Count };
        if (cell.Count is null)
        {
            view["suppressed"] = true;
            view["reason"] = cell.Status == CellStatus.Primary ? "primary" : "secondary";
        }
        else if (cell.Rate is { } rate)
        {
            view["rate"] = rate;
        }

        return view;
    }
}
