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
        if (aNumber is null && familyName is null && dateOfBirth is null)
        {
            // A caseload's cases by family name (an attorney's own cases on My work): compiled.
            var (first, size) = Paging(page, pageSize);
            var queries = PerModel<CaseloadQueries>.For(context);
            return await ListAsync(queries.Cases(context, caseload.Office, BarOf(caseload), first, size), cancellationToken);
        }

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
        var (skip, take) = Paging(page, pageSize);
        return [.. candidates
            .Where(c => FoldName(c.FamilyName) == name)
            .OrderBy(c => c.FamilyName, StringComparer.Ordinal).ThenBy(c => c.ANumber, StringComparer.Ordinal)
            .Skip(skip).Take(take)];
    }

    private static string FoldName(string name) => name.Trim().ToUpperInvariant().ToLowerInvariant();

    public async Task<IReadOnlyList<CaseRow>> HearingsAsync(Caseload caseload, string from, string to, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var (skip, take) = Paging(page, pageSize);
        var queries = PerModel<CaseloadQueries>.For(context);
        return await ListAsync(queries.Hearings(context, caseload.Office, BarOf(caseload), from, to, skip, take), cancellationToken);
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
        var (skip, take) = Paging(page, pageSize);
        var queries = PerModel<CaseloadQueries>.For(context);
        return await ListAsync(queries.Deadlines(context, caseload.Office, BarOf(caseload), today, from, to, kind, skip, take), cancellationToken);
    }

    /// <summary>
    /// Cases of a caseload that have not ended and whose last event was recorded before
    /// <paramref name="recordedBefore"/> (an instant or a date, compared as text as stored), the
    /// longest untouched first.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> IdleAsync(Caseload caseload, string recordedBefore, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var (skip, take) = Paging(page, pageSize);
        var queries = PerModel<CaseloadQueries>.For(context);
        return await ListAsync(queries.Idle(context, caseload.Office, BarOf(caseload), recordedBefore, skip, take), cancellationToken);
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
        var (skip, take) = Paging(page, pageSize);
        var queries = PerModel<CaseloadQueries>.For(context);
        return await ListAsync(queries.PendingDepartures(context, caseload.Office, BarOf(caseload), skip, take), cancellationToken);
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

    private static IQueryable<CaseRow> Page(IQueryable<CaseRow> cases, int page, int pageSize)
    {
        var (skip, take) = Paging(page, pageSize);
        return cases.Skip(skip).Take(take);
    }

    /// <summary>An attorney's caseload's bar number; null for an office's (the office decides, as in <see cref="Scope"/>).</summary>
    private static string? BarOf(Caseload caseload) => caseload.Office is null ? caseload.AttorneyBarNumber : null;

    /// <summary>A page's rows to skip and take: pages count from 1, at most <see cref="MaxPageSize"/> a page.</summary>
    private static (int Skip, int Take) Paging(int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return ((int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * size), size);
    }

    /// <summary>A compiled list query's rows (a caseload of neither an office nor an attorney has none: the SQL says so).</summary>
    private static async Task<IReadOnlyList<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>(MaxPageSize);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }
}
