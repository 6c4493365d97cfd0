using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Cases;

/// <summary>
/// A caller's caseload: an office's cases for officers and supervisors, the cases where they
/// are attorney of record for attorneys. Every query here is bounded by one; there is no way
/// to list cases by nationality, status or any other category across caseloads.
/// </summary>
public sealed record Caseload(string? Office, string? AttorneyBarNumber)
{
    public static Caseload None { get; } = new(null, null);
}

/// <summary>Finds cases by identity inside a caseload, a page at a time.</summary>
public sealed class CaseDirectory(DocketDatabase database)
{
    public const int MaxPageSize = 25;

    public async Task<IReadOnlyList<CaseRow>> SearchAsync(Caseload caseload, string? aNumber, string? familyName, string? dateOfBirth, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var cases = Scope(context.Cases.AsNoTracking(), caseload);
        if (aNumber is not null)
        {
            cases = cases.Where(c => c.ANumber == aNumber);
        }

        if (dateOfBirth is not null)
        {
            cases = cases.Where(c => c.DateOfBirth == dateOfBirth);
        }

        if (familyName is null)
        {
            return await Page(cases.OrderBy(c => c.FamilyName).ThenBy(c => c.ANumber), page, pageSize).ToListAsync(cancellationToken);
        }

        // The name is compared here, not in SQL: SQLite's lower() (and PostgreSQL's in the C
        // locale) folds only ASCII letters, so "Özdemir" or "Łukaszewicz" would never be found.
        // The other criteria (a date of birth or an A-number, inside one caseload) keep the
        // candidates few.
        var name = FoldName(familyName);
        var candidates = await cases.ToListAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * size);
        return [.. candidates
            .Where(c => FoldName(c.FamilyName) == name)
            .OrderBy(c => c.FamilyName, StringComparer.Ordinal).ThenBy(c => c.ANumber, StringComparer.Ordinal)
            .Skip(skip).Take(size)];
    }

    private static string FoldName(string name) => name.Trim().ToUpperInvariant().ToLowerInvariant();

    public async Task<IReadOnlyList<CaseRow>> HearingsAsync(Caseload caseload, string from, string to, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var cases = Scope(context.Cases.AsNoTracking(), caseload)
            .Where(c => c.NextHearingOn != null && string.Compare(c.NextHearingOn, from) >= 0 && string.Compare(c.NextHearingOn, to) <= 0)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.ANumber);
        return await Page(cases, page, pageSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The deadlines listed on <paramref name="today"/> in a caseload and due no later than
    /// <paramref name="to"/> (and no earlier than <paramref name="from"/>, if given), earliest
    /// first, so those already passed come first. Read from the running deadlines projection
    /// (an index range on office or attorney and due date), never by folding the cases.
    /// </summary>
    public async Task<IReadOnlyList<CaseDeadlineRow>> DeadlinesAsync(Caseload caseload, string today, string? from, string to, string? kind, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var deadlines = caseload switch
        {
            { Office: { } office } => context.CaseDeadlines.AsNoTracking().Where(d => d.Office == office),
            { AttorneyBarNumber: { } bar } => context.CaseDeadlines.AsNoTracking().Where(d => d.AttorneyBarNumber == bar),
            _ => context.CaseDeadlines.AsNoTracking().Where(_ => false),
        };
        deadlines = deadlines.Where(d => string.Compare(d.Due, to) <= 0
            && string.Compare(d.ListedFrom, today) <= 0 && string.Compare(d.ListedUntil, today) >= 0);
        if (from is not null)
        {
            deadlines = deadlines.Where(d => string.Compare(d.Due, from) >= 0);
        }

        if (kind is not null)
        {
            deadlines = deadlines.Where(d => d.Kind == kind);
        }

        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * size);
        return await deadlines.OrderBy(d => d.Due).ThenBy(d => d.ANumber).ThenBy(d => d.Seq)
            .Skip(skip).Take(size).ToListAsync(cancellationToken);
    }

    /// <summary>Stages in which a case has ended: nothing is waiting to be recorded on it.</summary>
    private static readonly string[] Ended = ["closed", "removed", "departed"];

    /// <summary>
    /// Cases of a caseload that have not ended and whose last event was recorded before
    /// <paramref name="recordedBefore"/> (an instant or a date, compared as text as stored), the
    /// longest untouched first.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> IdleAsync(Caseload caseload, string recordedBefore, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var cases = Scope(context.Cases.AsNoTracking(), caseload)
            .Where(c => c.LastRecordedAt != null && string.Compare(c.LastRecordedAt, recordedBefore) < 0 && !Ended.Contains(c.Stage))
            .OrderBy(c => c.LastRecordedAt).ThenBy(c => c.ANumber);
        return await Page(cases, page, pageSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Departure reports awaiting verification in a caseload, oldest departure first: a case's
    /// last <c>DepartureReported</c> with no verification, rejection or newer report after it.
    /// Read from the summary's pending report (an index range on office and departure date),
    /// never by scanning the log for reports.
    /// </summary>
    public async Task<IReadOnlyList<EventRow>> PendingDeparturesAsync(Caseload caseload, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var pending =
            from c in Scope(context.Cases.AsNoTracking(), caseload)
            where c.PendingDepartureOn != null
            join report in context.Events.AsNoTracking() on new { c.ANumber, Version = c.PendingDepartureVersion!.Value } equals new { report.ANumber, report.Version }
            orderby c.PendingDepartureOn, c.ANumber
            select report;
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * size);
        return await pending.Skip(skip).Take(size).ToListAsync(cancellationToken);
    }

    public async Task<CaseRow?> FindAsync(string aNumber, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.ANumber == aNumber, cancellationToken);
    }

    /// <summary>Replaces the self-service access code (the old one stops working).</summary>
    public async Task<bool> SetAccessCodeHashAsync(string aNumber, byte[] hash, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Cases.Where(c => c.ANumber == aNumber)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.AccessCodeHash, hash), cancellationToken) == 1;
    }

    private static IQueryable<CaseRow> Scope(IQueryable<CaseRow> cases, Caseload caseload) => caseload switch
    {
        { Office: { } office } => cases.Where(c => c.Office == office),
        { AttorneyBarNumber: { } bar } => cases.Where(c => c.AttorneyBarNumber == bar),
        _ => cases.Where(_ => false),
    };

    private static IQueryable<CaseRow> Page(IQueryable<CaseRow> cases, int page, int pageSize) =>
        cases.Skip((Math.Max(page, 1) - 1) * Math.Clamp(pageSize, 1, MaxPageSize)).Take(Math.Clamp(pageSize, 1, MaxPageSize));
}
