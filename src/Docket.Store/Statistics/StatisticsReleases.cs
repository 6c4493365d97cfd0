using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Calendar;
using Docket.Domain.Statistics;
using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Statistics;

/// <summary>A release as listed: number, when, what it covers, the note of changes.</summary>
public sealed record ReleaseSummary(int Number, string IssuedAt, string ThroughMonth, long Position, string Note);

/// <summary>A release with its tables.</summary>
public sealed record Release(ReleaseSummary Summary, string CountingRules, ReleaseTables Tables);

/// <summary>What issuing gave: a new release, or the latest one because nothing changed.</summary>
public sealed record IssueResult(Release Release, bool Issued);

/// <summary>
/// Statistics releases: numbered, dated, immutable snapshots of the tables (the database refuses
/// to change or remove one), each covering every complete month up to its last. A correction is
/// a new release. Answers read a release's stored tables, never the log.
/// </summary>
public sealed class StatisticsReleases(DocketDatabase database, StatisticsProjection projection, IClock clock, LegalClock legalClock)
{
    private readonly ConcurrentDictionary<int, Release> cache = new();

    /// <summary>The last complete month, in the legal time zone.</summary>
    public YearMonth LastCompleteMonth()
    {
        var today = legalClock.Today();
        return new YearMonth(today.Year, today.Month).PlusMonths(-1);
    }

    /// <summary>The month in progress (the live figure's).</summary>
    public YearMonth CurrentMonth()
    {
        var today = legalClock.Today();
        return new YearMonth(today.Year, today.Month);
    }

    /// <summary>
    /// Catches the projection up and issues a release through <paramref name="through"/> (the last
    /// complete month by default), unless the latest release already has exactly these tables, or,
    /// with <paramref name="unlessCovered"/> (the schedule's step), already covers that month.
    /// </summary>
    public async Task<IssueResult> IssueAsync(YearMonth? through = null, bool unlessCovered = false, CancellationToken cancellationToken = default)
    {
        var last = through ?? LastCompleteMonth();
        if (last >= CurrentMonth())
        {
            throw new ArgumentException($"A release covers complete months only: {StatisticsMonth.Format(last)} is not over (the last complete month is {StatisticsMonth.Format(LastCompleteMonth())}).", nameof(through));
        }

        await projection.CatchUpAsync(cancellationToken);

        await using var context = database.CreateContext();
        await using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (database.IsPostgres)
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({StatisticsProjection.ProjectionLock})", cancellationToken);
        }

        var latest = await context.StatisticsReleases.AsNoTracking().OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (unlessCovered && latest is not null && string.CompareOrdinal(latest.ThroughMonth, StatisticsMonth.Format(last)) >= 0)
        {
            return new IssueResult(ToRelease(latest), false);
        }

        // The snapshot is read once no other issuer can commit (SQLite's write lock, or the
        // projection's lock on PostgreSQL): read before it, a snapshot could be older than a release
        // another issuer committed meanwhile, and a release issued from it would take back what
        // that one counted (the serve schedule and `docket stats release` raced so in a test).
        var snapshot = await projection.SnapshotAsync(cancellationToken);
        if (latest is not null && snapshot.Position < latest.Position)
        {
            throw new InvalidOperationException($"The statistics counted the log to position {snapshot.Position}, behind release {latest.Number} (position {latest.Position}); nothing was issued.");
        }

        var tables = ReleaseTables.Build(last, snapshot.Departures, snapshot.Outcomes);
        var json = tables.ToCanonicalJson();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        if (latest is not null && latest.ThroughMonth == tables.ThroughMonth && latest.TablesSha256.AsSpan().SequenceEqual(hash))
        {
            return new IssueResult(ToRelease(latest), false);
        }

        if (latest is not null && string.CompareOrdinal(latest.ThroughMonth, tables.ThroughMonth) > 0)
        {
            // The latest release is the default answer: it never covers less than the one before.
            throw new ArgumentException($"Release {latest.Number} already covers through {latest.ThroughMonth}; a new release covers at least that.", nameof(through));
        }

        var row = new StatisticsReleaseRow
        {
            Number = (latest?.Number ?? 0) + 1,
            IssuedAt = EventWriter.FormatRecordedAt(clock.GetCurrentInstant()),
            ThroughMonth = tables.ThroughMonth,
            Position = snapshot.Position,
            CountingRules = CountingRules.Text,
            Note = ReleaseNote.Between(latest is null ? null : ReleaseTables.FromJson(latest.Tables), tables),
            Tables = json,
            TablesSha256 = hash,
        };
        context.StatisticsReleases.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssueResult(ToRelease(row), true);
    }

    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.StatisticsReleases.AsNoTracking().OrderByDescending(r => r.Number)
            .Select(r => new ReleaseSummary(r.Number, r.IssuedAt, r.ThroughMonth, r.Position, r.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A release by number, or the latest (null: none issued, or no such number). Releases never change, so each is read once.</summary>
    public async Task<Release?> GetAsync(int? number, CancellationToken cancellationToken = default)
    {
        if (number is { } n && cache.TryGetValue(n, out var known))
        {
            return known;
        }

        await using var context = database.CreateContext();
        var query = context.StatisticsReleases.AsNoTracking();
        var row = number is { } wanted
            ? await query.FirstOrDefaultAsync(r => r.Number == wanted, cancellationToken)
            : await query.OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : cache.GetOrAdd(row.Number, _ => ToRelease(row));
    }

    /// <summary>
    /// The tables of a release computed again from the projection as it is now, as canonical JSON:
    /// after a rebuild from an unchanged log they are the stored tables byte for byte.
    /// </summary>
    public async Task<(string Stored, string Recomputed)> ReproduceAsync(int number, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.StatisticsReleases.AsNoTracking().SingleAsync(r => r.Number == number, cancellationToken);
        var snapshot = await projection.SnapshotAsync(cancellationToken);
        if (snapshot.Position != row.Position)
        {
            throw new InvalidOperationException($"Release {number} counted the log to position {row.Position}; the projection is at {snapshot.Position}.");
        }

        var tables = ReleaseTables.Build(StatisticsMonth.Parse(row.ThroughMonth), snapshot.Departures, snapshot.Outcomes);
        return (row.Tables, tables.ToCanonicalJson());
    }

    private static Release ToRelease(StatisticsReleaseRow row) =>
        new(new ReleaseSummary(row.Number, row.IssuedAt, row.ThroughMonth, row.Position, row.Note), row.CountingRules, ReleaseTables.FromJson(row.Tables));
}
