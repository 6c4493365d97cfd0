using Docket.Domain.Calendar;
using Docket.Store.Access;
using Docket.Web.Pages;
using NodaTime;

namespace Docket.Web.Access;

/// <summary>
/// GET /audit/access, the auditors' page of GET /api/audit/access: the same filters, newest first,
/// 50 a page (keyset: older entries are those before the last one shown); GET /audit/access.csv,
/// the CSV of GET /api/audit/access.csv for the same filters, behind the page session.
/// </summary>
public static class AccessLogPageEndpoints
{
    public const int PageSize = 50;

    public static void MapAccessLogPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit/access", PageAsync).RequireAuthorization(PagePolicies.AccessAudit);
        pages.MapGet("/audit/access.csv", Csv).RequireAuthorization(PagePolicies.AccessAudit);
        pages.MapBreakGlassPages();
    }

    private static async Task<IResult> PageAsync(
        string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome, long? before,
        AccessLog accessLog, LegalClock clock, CancellationToken cancellationToken)
    {
        var (filter, errors) = Read(aNumber, user, office, from, to, breakGlass, outcome);
        var form = new AccessLogForm(Blank(aNumber), Blank(user), Blank(office), Blank(from), Blank(to), breakGlass == true, Blank(outcome));
        if (errors.Count > 0)
        {
            return PageResults.Page<AccessLogPage>(new { Form = form, Filter = filter, Errors = (IReadOnlyList<string>)errors }, StatusCodes.Status400BadRequest);
        }

        // One more than a page, to know whether there are older entries.
        var rows = await accessLog.QueryAsync(filter.ToQuery(clock.Zone, PageSize + 1) with { NewestFirst = true, BeforeId = before }, cancellationToken);
        return PageResults.Page<AccessLogPage>(new
        {
            Form = form,
            Filter = filter,
            Entries = (IReadOnlyList<AccessLogRow>)[.. rows.Take(PageSize)],
            OlderFrom = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null,
            Before = before,
        });
    }

    private static IResult Csv(
        string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome,
        AccessLog accessLog, LegalClock clock, IClock now, CancellationToken cancellationToken)
    {
        var (filter, errors) = Read(aNumber, user, office, from, to, breakGlass, outcome);
        return errors.Count > 0
            ? PageResults.Error(StatusCodes.Status400BadRequest, "The access log could not be downloaded", string.Join(" ", errors))
            : AccessLogCsv.Download(filter, accessLog, clock.Zone, now, cancellationToken);
    }

    /// <summary>A form leaves a field it does not use empty: on the page, an empty field is no filter, and "break-glass only" unticked is every read.</summary>
    private static (AccessLogFilter, List<string>) Read(string? aNumber, string? user, string? office, string? from, string? to, bool? breakGlass, string? outcome) =>
        AccessLogFilter.Read(Blank(aNumber), Blank(user), Blank(office), Blank(from), Blank(to), breakGlass == true ? true : null, Blank(outcome));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the filter form shows: the values as typed.</summary>
public sealed record AccessLogForm(string? ANumber, string? User, string? Office, string? From, string? To, bool BreakGlassOnly, string? Outcome);
