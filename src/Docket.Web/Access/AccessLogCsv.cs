using CsvHelper;
using Docket.Store.Access;
using NodaTime;

namespace Docket.Web.Access;

/// <summary>
/// The access log as CSV (CsvHelper), for GET /api/audit/access.csv and the auditors' page:
/// one header line, <c>id,at,userName,role,office,aNumber,purpose,breakGlass,reason,outcome</c>
/// (the JSON's names), then every matching entry oldest first. It is streamed as the Store reads
/// it (<see cref="AccessLog.StreamAsync"/>), so the whole log is never held in memory and there
/// is no size cap. Text a spreadsheet would run as a formula (a reason starting with <c>=</c>) is
/// escaped.
/// </summary>
public static class AccessLogCsv
{
    public static readonly string[] Header = ["id", "at", "userName", "role", "office", "aNumber", "purpose", "breakGlass", "reason", "outcome"];

    private static readonly CsvWriterOptions Options = new() { Separator = ',', NewLine = "\n", Injection = CsvInjection.Escape };

    /// <summary>The answer: a CSV download of the entries that match, named after the day it was made.</summary>
    public static IResult Download(AccessLogFilter filter, AccessLog accessLog, DateTimeZone zone, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter.ToQuery(zone);
        var day = Pages.PlainDates.Iso(clock.GetCurrentInstant().InZone(zone).Date);
        return TypedResults.Stream(
            async body => await WriteAsync(body, accessLog.StreamAsync(query), cancellationToken),
            "text/csv; charset=utf-8",
            $"docket-access-log-{day}.csv");
    }

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AccessLogRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.WriteField(row.At);
            csv.WriteField(row.UserName);
            csv.WriteField(row.Role);
            csv.WriteField(row.Office);
            csv.WriteField(row.ANumber);
            csv.WriteField(row.Purpose);
            csv.WriteField(row.BreakGlass ? "true" : "false");
            csv.WriteField(row.Reason);
            csv.WriteField(row.Outcome);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
