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

    /// <summary>The note is empty or longer than <see cref="BreakGlassReviews.MaxNote"/>: nothing was saved, nothing cut.</summary>
    public sealed record NoteNotAccepted(string Reason) : ReviewOutcome;
}

/// <summary>Who reviews: their user name, role and office, as the access log records a reader.</summary>
public sealed record Reviewer(string Name, string Role, string? Office);

/// <summary>
/// Break-glass reads (allowed reads outside a caseload, with a reason) and their reviews. A
/// review is one append-only row; a second review of the same read is refused, also when two
/// reviewers send theirs at the same moment (the unique index decides). The review is itself
/// written to the access log (purpose <see cref="ReviewPurpose"/>, about the read's case) in the
/// same transaction as the review row, and a refused attempt (one's own read, a read reviewed
/// already, an entry that is not a break-glass read) is logged as refused.
/// </summary>
public sealed class BreakGlassReviews(DocketDatabase database, IClock clock)
{
    public const int MaxNote = 2000;

    /// <summary>The access log's purpose for a review of a break-glass read.</summary>
    public const string ReviewPurpose = "break-glass-review";

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

    /// <summary>
    /// Reviews one read with a note (trimmed; required, at most <see cref="MaxNote"/> characters: a
    /// longer note is refused whole, never cut).
    /// </summary>
    public async Task<ReviewOutcome> ReviewAsync(long accessId, Reviewer reviewer, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new ReviewOutcome.NoteNotAccepted("note: write what you checked and what you found; a review needs a note");
        }

        if (text.Length > MaxNote)
        {
            return new ReviewOutcome.NoteNotAccepted($"note: {text.Length} characters is longer than the {MaxNote} a review note may have; shorten it (nothing was saved)");
        }

        await using var context = database.CreateContext();
        var entry = await context.AccessLog.AsNoTracking().FirstOrDefaultAsync(r => r.Id == accessId, cancellationToken);
        if (entry is null)
        {
            return new ReviewOutcome.NoSuchEntry();
        }

        if (!entry.BreakGlass || entry.Outcome != "allowed")
        {
            await LogAsync(Entry(reviewer, entry.ANumber, "refused"), cancellationToken);
            return new ReviewOutcome.NotBreakGlass();
        }

        if (await ExistingAsync(context, accessId, cancellationToken) is { } existing)
        {
            await LogAsync(Entry(reviewer, entry.ANumber, "refused"), cancellationToken);
            return new ReviewOutcome.AlreadyReviewed(existing);
        }

        if (string.Equals(entry.UserName, reviewer.Name, StringComparison.Ordinal))
        {
            await LogAsync(Entry(reviewer, entry.ANumber, "refused"), cancellationToken);
            return new ReviewOutcome.OwnRead();
        }

        var row = new BreakGlassReviewRow
        {
            AccessId = accessId,
            At = Now(),
            Reviewer = reviewer.Name,
            ReviewerRole = reviewer.Role,
            Note = text,
        };
        context.BreakGlassReviews.Add(row);
        context.AccessLog.Add(Entry(reviewer, entry.ANumber, "allowed"));
        try
        {
            // One transaction: a review is never saved without its access log entry, nor the entry without the review.
            await context.SaveChangesAsync(cancellationToken);
            return new ReviewOutcome.Reviewed(row);
        }
        catch (DbUpdateException ex)
        {
            // Someone else's review of the same read was saved first (the unique index refused this one).
            if (await ReviewedMeanwhileAsync(accessId, cancellationToken) is not { } first)
            {
                throw new InvalidOperationException($"The review of access log entry {accessId} could not be saved.", ex);
            }

            await LogAsync(Entry(reviewer, entry.ANumber, "refused"), cancellationToken);
            return new ReviewOutcome.AlreadyReviewed(first);
        }
    }

    private string Now() => EventWriter.FormatRecordedAt(clock.GetCurrentInstant());

    private AccessLogRow Entry(Reviewer reviewer, string aNumber, string outcome) => new()
    {
        At = Now(),
        UserName = reviewer.Name,
        Role = reviewer.Role,
        Office = reviewer.Office,
        ANumber = aNumber,
        Purpose = ReviewPurpose,
        Outcome = outcome,
    };

    private async Task LogAsync(AccessLogRow row, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        context.AccessLog.Add(row);
        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task<BreakGlassReviewRow?> ReviewedMeanwhileAsync(long accessId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await ExistingAsync(context, accessId, cancellationToken);
    }

    private static Task<BreakGlassReviewRow?> ExistingAsync(DocketDbContext context, long accessId, CancellationToken cancellationToken) =>
        context.BreakGlassReviews.AsNoTracking().FirstOrDefaultAsync(v => v.AccessId == accessId, cancellationToken);
}
