using NodaTime;
using NodaTime.Text;

namespace Docket.Domain.Statistics;

/// <summary>Months as the statistics write them, "YYYY-MM".</summary>
public static class StatisticsMonth
{
    private static readonly YearMonthPattern Pattern = YearMonthPattern.Iso;

    public static string Format(YearMonth month) => Pattern.Format(month);

    public static YearMonth Parse(string text) => Pattern.Parse(text).Value;

    public static bool TryParse(string? text, out YearMonth month)
    {
        var result = Pattern.Parse(text ?? "");
        month = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, YearMonth last)
    {
        for (var month = first; month <= last; month = month.PlusMonths(1))
        {
            yield return month;
        }
    }
}
