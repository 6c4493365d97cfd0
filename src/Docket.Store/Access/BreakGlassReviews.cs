using Docket.Store.Events;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Docket.Store.Access;

/// <summary>A break-glass read and its review, when it has one.</summary>
public sealed record BreakGlassRead(AccessLogRow Entry, BreakGlassReviewRow? Review);

/// <summary>What came of asking to review a read.</summary>
public abstract record ReviewOutcome
{
    private ReviewOutcome()
    {
    }

    public sealed record Reviewed(BreakGlassReviewRow Review) : ReviewOutcome;

    /// <summary>There is no access log entry with that id.</summary>
    public sealed record NoSuchEntry : ReviewOutcome;

    /// <summary>The entry is not a break-glass read (an ordinary read, or a refused attempt).</summary>
    public sealed record NotBreakGlass : ReviewOutcome;

    /// <summary>The reviewer made the read: someone else must review it.</summary>
    public sealed record OwnRead : ReviewOutcome;

    /// <summary>The read was reviewed already; reviews are never replaced.</summary>
    public sealed record AlreadyReviewed(BreakGlassReviewRow Review) : ReviewOutcome;
}

/// <summary>
/// Break-glass reads (allowed reads outside a caseload, with a reason) and their reviews. A
/// review is one append-only row; a second review of the same read is refused, also when two
/// reviewers send theirs at the same moment (the unique index decides).
/// </summary>
public sealed class BreakGlassReviews(DocketDatabase database, IClock clock)
{
    public const int MaxNote = 2000;

    /// <summary>Break-glass reads, oldest first; <paramref name="reviewed"/> null for all.</summary>
    public async Task<IReadOnlyList<BreakGlassRead>> ListAsync(bool? reviewed, long? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var reads = context.AccessLog.AsNoTracking().Where(r => r.BreakGlass && r.Outcome == "allowed");
        if (afterId is { } after)
        {
            reads = reads.Where(r => r.Id > after);
        }

        var joined = from r in reads
                     join v in context.BreakGlassReviews.AsNoTracking() on r.Id equals v.AccessId into reviews
                     from v in reviews.DefaultIfEmpty()
                     select new { Entry = r, Review = v };
        if (reviewed is { } wanted)
        {
            joined = wanted ? joined.Where(x => x.Review != null) : joined.Where(x => x.Review == null);
        }

        var rows = await joined.OrderBy(x => x.Entry.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new BreakGlassRead(x.Entry, x.Review))];
    }

    public async Task<ReviewOutcome> ReviewAsync(long accessId, string reviewer, string reviewerRole, string note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        await using var context = database.CreateContext();
        var entry = await context.AccessLog.AsNoTracking().FirstOrDefaultAsync(r => r.Id == accessId, cancellationToken);
        if (entry is null)
        {
            return new ReviewOutcome.NoSuchEntry();
        }

        if (!entry.BreakGlass || entry.Outcome != "allowed")
        {
            return new ReviewOutcome.NotBreakGlass();
        }

        if (await ExistingAsync(context, accessId, cancellationToken) is { } existing)
        {
            return new ReviewOutcome.AlreadyReviewed(existing);
        }

        if (string.Equals(entry.UserName, reviewer, StringComparison.Ordinal))
        {
            return new ReviewOutcome.OwnRead();
        }

        var row = new BreakGlassReviewRow
        {
            AccessId = accessId,
            At = EventWriter.FormatRecordedAt(clock.GetCurrentInstant()),
            Reviewer = reviewer,
            ReviewerRole = reviewerRole,
            Note = note.Length > MaxNote ? note[..MaxNote] : note,
        };
        context.BreakGlassReviews.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return new ReviewOutcome.Reviewed(row);
        }
        catch (DbUpdateException ex)
        {
            // Someone else's review of the same read was saved first (the unique index refused this one).
            return await ReviewedMeanwhileAsync(accessId, cancellationToken) is { } first ? new ReviewOutcome.AlreadyReviewed(first) : throw new InvalidOperationException($"The review of access log entry {accessId} could not be saved.", ex);
        }
    }

    private async Task<BreakGlassReviewRow?> ReviewedMeanwhileAsync(long accessId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await ExistingAsync(context, accessId, cancellationToken);
    }

    private static Task<BreakGlassReviewRow?> ExistingAsync(DocketDbContext context, long accessId, CancellationToken cancellationToken) =>
        context.BreakGlassReviews.AsNoTracking().FirstOrDefaultAsync(v => v.AccessId == accessId, cancellationToken);
}
