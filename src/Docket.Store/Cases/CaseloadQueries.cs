using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Cases;

/// <summary>
/// The caseload lists' queries (My work reads five of them on every page), compiled once. A LINQ
/// query is otherwise built, parameter-extracted and looked up in EF Core's query cache on every
/// call, which profiling My work showed as about a tenth of the page's CPU. Each takes the
/// caseload as an office or a bar number, one of them null: EF Core leaves a comparison with a
/// null parameter out of the SQL it runs (as it does for the optional filters), so each kind of
/// caseload gets a query of its own and keeps its index. Obtain through <see cref="PerModel{TQueries}"/>.
/// </summary>
internal sealed class CaseloadQueries
{
    public Func<DocketDbContext, string?, string?, string, string, int, int, IAsyncEnumerable<CaseRow>> Hearings { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string? office, string? bar, string from, string to, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => ((office != null && c.Office == office) || (bar != null && c.AttorneyBarNumber == bar))
                && c.NextHearingOn != null && string.Compare(c.NextHearingOn, from) >= 0 && string.Compare(c.NextHearingOn, to) <= 0)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    // The stages in which a case has ended (nothing is waiting to be recorded on it), as constants:
    // a collection would be sent as a parameter and unpacked by the database on every call.
    public Func<DocketDbContext, string?, string?, string, int, int, IAsyncEnumerable<CaseRow>> Idle { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string? office, string? bar, string recordedBefore, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => ((office != null && c.Office == office) || (bar != null && c.AttorneyBarNumber == bar))
                && c.LastRecordedAt != null && string.Compare(c.LastRecordedAt, recordedBefore) < 0
                && c.Stage != "closed" && c.Stage != "removed" && c.Stage != "departed")
            .OrderBy(c => c.LastRecordedAt).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    public Func<DocketDbContext, string?, string?, string, string?, string, string?, int, int, IAsyncEnumerable<CaseDeadlineRow>> Deadlines { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string? office, string? bar, string today, string? from, string to, string? kind, int skip, int take) => context.CaseDeadlines.AsNoTracking()
            .Where(d => ((office != null && d.Office == office) || (bar != null && d.AttorneyBarNumber == bar))
                && string.Compare(d.Due, to) <= 0
                && string.Compare(d.ListedFrom, today) <= 0 && string.Compare(d.ListedUntil, today) >= 0
                && (from == null || string.Compare(d.Due, from) >= 0)
                && (kind == null || d.Kind == kind))
            .OrderBy(d => d.Due).ThenBy(d => d.ANumber).ThenBy(d => d.Seq).Skip(skip).Take(take));

    public Func<DocketDbContext, string?, string?, int, int, IAsyncEnumerable<EventRow>> PendingDepartures { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string? office, string? bar, int skip, int take) => (
            from c in context.Cases.AsNoTracking()
            where ((office != null && c.Office == office) || (bar != null && c.AttorneyBarNumber == bar)) && c.PendingDepartureOn != null
            join report in context.Events.AsNoTracking() on new { c.ANumber, Version = c.PendingDepartureVersion!.Value } equals new { report.ANumber, report.Version }
            orderby c.PendingDepartureOn, c.ANumber
            select report).Skip(skip).Take(take));

    public Func<DocketDbContext, string?, string?, int, int, IAsyncEnumerable<CaseRow>> Cases { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string? office, string? bar, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => (office != null && c.Office == office) || (bar != null && c.AttorneyBarNumber == bar))
            .OrderBy(c => c.FamilyName).ThenBy(c => c.ANumber).Skip(skip).Take(take));
}
