using System.Globalization;
using CsvHelper;
using Docket.Domain.Statistics;

namespace Docket.Web.Statistics.Page;

/// <summary>
/// A published table as CSV (CsvHelper): <c>release,&lt;by&gt;,count,rate,reason</c>. A withheld
/// cell is written with <c>count</c> = <see cref="SuppressedMarker"/> and the reason (primary or
/// secondary), never as an empty or zero count; a rate only where the API gives one.
/// </summary>
public static class StatisticsCsv
{
    public const string SuppressedMarker = "suppressed";

    public static string Write(PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ',', NewLine = "\n" }, leaveOpen: true))
        {
            foreach (var header in new[] { "release", table.By, "count", "rate", "reason" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var cell in table.Cells)
            {
                csv.WriteField(table.Answer.Release.Number.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(cell.Value);
                csv.WriteField(cell.Count is { } count ? count.ToString(CultureInfo.InvariantCulture) : SuppressedMarker);
                csv.WriteField(cell.Rate is { } rate ? rate.ToString("0.####", CultureInfo.InvariantCulture) : "");
                csv.WriteField(cell.Status switch { CellStatus.Primary => "primary", CellStatus.Secondary => "secondary", _ => "" });
                csv.EndRecord();
            }

            csv.Flush();
        }

        return text.ToString();
    }
}
