using System.Text;
using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Web.Infrastructure;
using Docket.Web.Pages;
using NodaTime;

namespace Docket.Web.Access;

/// <summary>
/// The access log's filters as GET /api/audit/access, its CSV and the auditors' page read them:
/// the case (A-number), the reader (user name, office), the days (from and to, both included,
/// days of the legal time zone), break-glass reads only, and the outcome. Each wrong value is one
/// line of the 400's <c>errors</c>.
/// </summary>
public sealed record AccessLogFilter(string? ANumber, string? User, string? Office, LocalDate? From, LocalDate? To, bool? BreakGlass, string? Outcome)
{
    public static readonly AccessLogFilter None = new(null, null, null, null, null, null, null);

    /// <summary>Reads the filters; a null value is no filter.</summary>
    public static (AccessLogFilter Filter, List<string> Errors) Read(string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome)
    {
        var errors = new List<string>();
        string? digits = null;
        if (aNumber is not null && QueryValues.TryANumber("aNumber", aNumber, errors, out var number))
        {
            digits = number.Digits;
        }

        if (user is not null)
        {
            QueryValues.TryText("user", user, errors);
        }

        if (office is not null)
        {
            QueryValues.TryText("office", office, errors);
        }

        LocalDate? start = null, end = null;
        if (from is not null && QueryValues.TryDate("from", from, errors, out var f))
        {
            start = f;
        }

        if (to is not null && QueryValues.TryDate("to", to, errors, out var t))
        {
            end = t;
        }

        if (start > end)
        {
            errors.Add($"from: {PlainDates.Iso(start!.Value)} is after to ({PlainDates.Iso(end!.Value)}); the range includes both days");
        }

        if (outcome is not null and not ("allowed" or "refused"))
        {
            errors.Add("outcome: must be allowed or refused");
        }

        return (new AccessLogFilter(digits, user, office, start, end, breakGlass, outcome), errors);
    }

    /// <summary>
    /// The query for the Store. A day runs from midnight to midnight in <paramref name="zone"/> (the
    /// legal time zone, the one the pages show times in), turned into the log's UTC instants.
    /// </summary>
    public AccessLogQuery ToQuery(DateTimeZone zone, int limit = 100) => new(ANumber, User, BreakGlass, Outcome, Limit: limit)
    {
        Office = Office,
        FromAt = From is { } from ? Start(from, zone) : null,
        BeforeAt = To is { } to ? Start(to.PlusDays(1), zone) : null,
    };

    /// <summary>The filters as a query string ("" when there are none), for the page's links and its CSV link.</summary>
    public string QueryString(params (string Name, string? Value)[] more)
    {
        var pairs = new List<(string Name, string? Value)>
        {
            ("aNumber", ANumber), ("user", User), ("office", Office),
            ("from", From is { } f ? PlainDates.Iso(f) : null), ("to", To is { } t ? PlainDates.Iso(t) : null),
            ("breakGlass", BreakGlass is { } b ? (b ? "true" : "false") : null), ("outcome", Outcome),
        };
        pairs.AddRange(more);
        var text = new StringBuilder();
        foreach (var (name, value) in pairs.Where(p => p.Value is not null))
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return text.ToString();
    }

    private static string Start(LocalDate day, DateTimeZone zone) => EventWriter.FormatRecordedAt(day.AtStartOfDayInZone(zone).ToInstant());
}
