using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Cases;

/// <summary>
/// The caseload lists' queries (My work reads five of them on every page), compiled once. A LINQ
/// query is otherwise built, parameter-extracted and looked up in EF Core's query cache on every
/// call, which profiling My work showed as about a tenth of the page's CPU. One query per kind of
/// caseload (an office's, an attorney's), so that each keeps its own index. Obtain through
/// <see cref="PerModel{TQueries}"/>.
/// </summary>
internal sealed class CaseloadQueries
{
    public Func<DocketDbContext, string, string, string, int, int, IAsyncEnumerable<CaseRow>> HearingsOfOffice { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string office, string from, string to, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.Office == office && c.NextHearingOn != null && string.Compare(c.NextHearingOn, from) >= 0 && string.Compare(c.NextHearingOn, to) <= 0)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    public Func<DocketDbContext, string, string, string, int, int, IAsyncEnumerable<CaseRow>> HearingsOfAttorney { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string bar, string from, string to, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.AttorneyBarNumber == bar && c.NextHearingOn != null && string.Compare(c.NextHearingOn, from) >= 0 && string.Compare(c.NextHearingOn, to) <= 0)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    // The stages in which a case has ended (nothing is waiting to be recorded on it), as constants:
    // a collection would be sent as a parameter and unpacked by the database on every call.
    public Func<DocketDbContext, string, string, int, int, IAsyncEnumerable<CaseRow>> IdleOfOffice { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string office, string recordedBefore, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.Office == office && c.LastRecordedAt != null && string.Compare(c.LastRecordedAt, recordedBefore) < 0
                && c.Stage != "closed" && c.Stage != "removed" && c.Stage != "departed")
            .OrderBy(c => c.LastRecordedAt).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    public Func<DocketDbContext, string, string, int, int, IAsyncEnumerable<CaseRow>> IdleOfAttorney { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string bar, string recordedBefore, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.AttorneyBarNumber == bar && c.LastRecordedAt != null && string.Compare(c.LastRecordedAt, recordedBefore) < 0
                && c.Stage != "closed" && c.Stage != "removed" && c.Stage != "departed")
            .OrderBy(c => c.LastRecordedAt).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    // A null `from` or `kind` is no filter: EF Core removes the comparison from the SQL it runs
    // when the parameter is null, so the index range on (office or attorney, due) stays.
    public Func<DocketDbContext, string, string, string?, string, string?, int, int, IAsyncEnumerable<CaseDeadlineRow>> DeadlinesOfOffice { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string office, string today, string? from, string to, string? kind, int skip, int take) => context.CaseDeadlines.AsNoTracking()
            .Where(d => d.Office == office && string.Compare(d.Due, to) <= 0
                && string.Compare(d.ListedFrom, today) <= 0 && string.Compare(d.ListedUntil, today) >= 0
                && (from == null || string.Compare(d.Due, from) >= 0)
                && (kind == null || d.Kind == kind))
            .OrderBy(d => d.Due).ThenBy(d => d.ANumber).ThenBy(d => d.Seq).Skip(skip).Take(take));

    public Func<DocketDbContext, string, string, string?, string, string?, int, int, IAsyncEnumerable<CaseDeadlineRow>> DeadlinesOfAttorney { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string bar, string today, string? from, string to, string? kind, int skip, int take) => context.CaseDeadlines.AsNoTracking()
            .Where(d => d.AttorneyBarNumber == bar && string.Compare(d.Due, to) <= 0
                && string.Compare(d.ListedFrom, today) <= 0 && string.Compare(d.ListedUntil, today) >= 0
                && (from == null || string.Compare(d.Due, from) >= 0)
                && (kind == null || d.Kind == kind))
            .OrderBy(d => d.Due).ThenBy(d => d.ANumber).ThenBy(d => d.Seq).Skip(skip).Take(take));

    public Func<DocketDbContext, string, int, int, IAsyncEnumerable<EventRow>> PendingDeparturesOfOffice { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string office, int skip, int take) => (
            from c in context.Cases.AsNoTracking()
            where c.Office == office && c.PendingDepartureOn != null
            join report in context.Events.AsNoTracking() on new { c.ANumber, Version = c.PendingDepartureVersion!.Value } equals new { report.ANumber, report.Version }
            orderby c.PendingDepartureOn, c.ANumber
            select report).Skip(skip).Take(take));

    public Func<DocketDbContext, string, int, int, IAsyncEnumerable<EventRow>> PendingDeparturesOfAttorney { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string bar, int skip, int take) => (
            from c in context.Cases.AsNoTracking()
            where c.AttorneyBarNumber == bar && c.PendingDepartureOn != null
            join report in context.Events.AsNoTracking() on new { c.ANumber, Version = c.PendingDepartureVersion!.Value } equals new { report.ANumber, report.Version }
            orderby c.PendingDepartureOn, c.ANumber
            select report).Skip(skip).Take(take));

    public Func<DocketDbContext, string, int, int, IAsyncEnumerable<CaseRow>> CasesOfOffice { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string office, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.Office == office).OrderBy(c => c.FamilyName).ThenBy(c => c.ANumber).Skip(skip).Take(take));

    public Func<DocketDbContext, string, int, int, IAsyncEnumerable<CaseRow>> CasesOfAttorney { get; } = EF.CompileAsyncQuery(
        (DocketDbContext context, string bar, int skip, int take) => context.Cases.AsNoTracking()
            .Where(c => c.AttorneyBarNumber == bar).OrderBy(c => c.FamilyName).ThenBy(c => c.ANumber).Skip(skip).Take(take));
}
