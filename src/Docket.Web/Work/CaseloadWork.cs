using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Store.Access;
using Docket.Store.Cases;
using Docket.Web.Auth;
using Docket.Web.Cases;
using Docket.Web.Cases.Search;
using NodaTime;

namespace Docket.Web.Work;

/// <summary>A deadline of a case in one's caseload, as GET /api/caseload/deadlines and My work show it.</summary>
public sealed record CaseloadDeadlineView(string ANumber, string Kind, LocalDate Due, string Rule, string DateIs, bool Passed, int DaysLeft, string Description)
{
    public static CaseloadDeadlineView From(CaseDeadlineRow row, LocalDate today)
    {
        var due = EventJson.DatePattern.Parse(row.Due).Value;
        var view = Docket.Web.Cases.Reading.DeadlineView.From([new Deadline(row.Kind, due, row.Rule)], today)[0];
        return new(row.ANumber, view.Kind, view.Due, view.Rule, view.DateIs, view.Passed, view.DaysLeft, view.Description);
    }
}

/// <summary>A page of a caseload's deadlines.</summary>
public sealed record CaseloadDeadlinePage(IReadOnlyList<CaseloadDeadlineView> Deadlines, int Page, int PageSize, bool MayHaveMore);

/// <summary>A case of one's caseload with nothing recorded for a while: since when.</summary>
public sealed record IdleCaseView(string ANumber, string FamilyName, string GivenNames, string Stage, string LastRecordedAt);

public sealed record IdleCasePage(IReadOnlyList<IdleCaseView> Cases, int Page, int PageSize, bool MayHaveMore);

/// <summary>
/// The lists of My work that both the page and GET /api/caseload/... read: always inside the
/// caller's own caseload, a page at a time, and every case shown written to the access log.
/// </summary>
public static class CaseloadWork
{
    /// <summary>How far ahead My work looks for deadlines (the issue: the next 14 days).</summary>
    public const int DeadlineDaysAhead = 14;

    /// <summary>A case with nothing recorded for this many days is shown as waiting.</summary>
    public const int IdleDays = 180;

    public static async Task<CaseloadDeadlinePage> DeadlinesAsync(
        Caller caller, LocalDate today, LocalDate? from, LocalDate to, string? kind, int page, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var at = Math.Max(page, 1);
        var rows = await directory.DeadlinesAsync(
            CaseloadScope.Of(caller), Date(today), from is { } f ? Date(f) : null, Date(to), kind, at, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber).Distinct(StringComparer.Ordinal), "caseload-deadlines", accessLog, cancellationToken);
        return new([.. rows.Select(r => CaseloadDeadlineView.From(r, today))], at, CaseDirectory.MaxPageSize, rows.Count == CaseDirectory.MaxPageSize);
    }

    public static async Task<IdleCasePage> IdleAsync(Caller caller, LocalDate today, int days, int page, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var at = Math.Max(page, 1);
        // Recorded before the start (UTC) of the day `days` ago: nothing on that day or since.
        var rows = await directory.IdleAsync(CaseloadScope.Of(caller), Date(today.PlusDays(-days)), at, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber), "caseload-idle", accessLog, cancellationToken);
        return new([.. rows.Select(r => new IdleCaseView(r.ANumber, r.FamilyName, r.GivenNames, r.Stage, r.LastRecordedAt ?? ""))], at, CaseDirectory.MaxPageSize, rows.Count == CaseDirectory.MaxPageSize);
    }

    /// <summary>An attorney's own cases, by family name.</summary>
    public static async Task<CasePage> OwnCasesAsync(Caller caller, int page, CaseDirectory directory, AccessLog accessLog, CancellationToken cancellationToken)
    {
        var at = Math.Max(page, 1);
        var rows = await directory.SearchAsync(CaseloadScope.Of(caller), null, null, null, at, CaseDirectory.MaxPageSize, cancellationToken);
        await CaseLoader.LogListedAsync(caller, rows.Select(r => r.ANumber), "caseload-cases", accessLog, cancellationToken);
        return new([.. rows.Select(CaseSummaryView.From)], at, CaseDirectory.MaxPageSize, rows.Count == CaseDirectory.MaxPageSize);
    }

    private static string Date(LocalDate date) => EventJson.DatePattern.Format(date);
}
