using System.Globalization;
using NodaTime;

namespace Docket.Domain.Statistics;

/// <summary>The federal fiscal year, October to September, named by the year it ends in ("FY2026"), as EOIR and DHS publish.</summary>
public static class FiscalYear
{
    public static int Of(YearMonth month) => month.Month >= 10 ? month.Year + 1 : month.Year;

    public static string Name(YearMonth month) => "FY" + Of(month).ToString("D4", CultureInfo.InvariantCulture);
}
