using Docket.Store.Access;
using Docket.Store.Events;
using Docket.Store.Tests.Infrastructure;
using NodaTime;

namespace Docket.Store.Tests.Access;

/// <summary>
/// Break-glass reads awaiting review, and their reviews: one review a read, never by the reader,
/// never edited (append-only at the database), and the access log's new filters.
/// </summary>
public abstract class BreakGlassReviewsTests(StoreKind kind) : StoreTestBase(kind)
{
    private static readonly Reviewer Supervisor = new("sup-orla", "supervisor", "NYC");
    private static readonly Reviewer Tamsin = new("aud-tamsin", "auditor", null);

    [Fact]
    public async Task A_break_glass_read_is_reviewed_once_by_someone_else_and_the_review_cannot_be_changed()
    {
        await using var log = new AccessLog(Db, Clock);
        await log.RecordAsync(Read("sup-orla", breakGlass: true, "Court asked for the file"));
        await log.RecordAsync(Read("off-brin", breakGlass: false, null));
        var reviews = new BreakGlassReviews(Db, Clock);

        var waiting = Assert.Single(await reviews.ListAsync(reviewed: false, afterId: null, limit: 50));
        Assert.Equal("sup-orla", waiting.Entry.UserName);
        Assert.Null(waiting.Review);

        Assert.IsType<ReviewOutcome.OwnRead>(await reviews.ReviewAsync(waiting.Entry.Id, Supervisor, "Looked fine to me"));
        var plain = (await log.QueryAsync(new AccessLogQuery(UserName: "off-brin", BreakGlass: false))).Single();
        Assert.IsType<ReviewOutcome.NotBreakGlass>(await reviews.ReviewAsync(plain.Id, Tamsin, "Not break-glass"));
        Assert.IsType<ReviewOutcome.NoSuchEntry>(await reviews.ReviewAsync(plain.Id + 1000, Tamsin, "Missing"));

        var done = Assert.IsType<ReviewOutcome.Reviewed>(await reviews.ReviewAsync(waiting.Entry.Id, Tamsin, "Reason matches the court's request"));
        Assert.Equal("Reason matches the court's request", done.Review.Note);
        var again = Assert.IsType<ReviewOutcome.AlreadyReviewed>(await reviews.ReviewAsync(waiting.Entry.Id, new Reviewer("aud-piers", "auditor", null), "Second opinion"));
        Assert.Equal("aud-tamsin", again.Review.Reviewer);

        Assert.Empty(await reviews.ListAsync(reviewed: false, afterId: null, limit: 50));
        Assert.Equal("aud-tamsin", Assert.Single(await reviews.ListAsync(reviewed: true, afterId: null, limit: 50)).Review?.Reviewer);

        await using var connection = await Db.OpenConnectionAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync(connection, "UPDATE break_glass_reviews SET note = 'changed'"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync(connection, "DELETE FROM break_glass_reviews"));
    }

    [Fact]
    public async Task A_note_longer_than_2000_characters_is_refused_whole_and_nothing_is_saved_or_cut()
    {
        await using var log = new AccessLog(Db, Clock);
        await log.RecordAsync(Read("sup-orla", breakGlass: true, "Court asked for the file"));
        var reviews = new BreakGlassReviews(Db, Clock);
        var read = Assert.Single(await reviews.ListAsync(reviewed: false, afterId: null, limit: 50));

        var tooLong = Assert.IsType<ReviewOutcome.NoteNotAccepted>(await reviews.ReviewAsync(read.Entry.Id, Tamsin, new string('n', BreakGlassReviews.MaxNote + 1)));
        Assert.Contains("2001 characters", tooLong.Reason, StringComparison.Ordinal);
        Assert.IsType<ReviewOutcome.NoteNotAccepted>(await reviews.ReviewAsync(read.Entry.Id, Tamsin, "   "));
        Assert.Null(Assert.Single(await reviews.ListAsync(reviewed: null, afterId: null, limit: 50)).Review);
        Assert.Empty(await log.QueryAsync(new AccessLogQuery(UserName: Tamsin.Name)));

        var longest = new string('n', BreakGlassReviews.MaxNote);
        var done = Assert.IsType<ReviewOutcome.Reviewed>(await reviews.ReviewAsync(read.Entry.Id, Tamsin, $"  {longest}  "));
        Assert.Equal(longest, done.Review.Note);
    }

    [Fact]
    public async Task A_review_and_each_refused_attempt_are_written_to_the_access_log_about_the_reads_case()
    {
        await using var log = new AccessLog(Db, Clock);
        await log.RecordAsync(Read("sup-orla", breakGlass: true, "Court asked for the file"));
        await log.RecordAsync(Read("off-brin", breakGlass: false, null));
        var reviews = new BreakGlassReviews(Db, Clock);
        var read = Assert.Single(await reviews.ListAsync(reviewed: false, afterId: null, limit: 50)).Entry;
        var plain = Assert.Single(await log.QueryAsync(new AccessLogQuery(UserName: "off-brin")));

        Assert.IsType<ReviewOutcome.OwnRead>(await reviews.ReviewAsync(read.Id, Supervisor, "Mine"));
        Assert.IsType<ReviewOutcome.NotBreakGlass>(await reviews.ReviewAsync(plain.Id, Tamsin, "Ordinary"));
        Assert.IsType<ReviewOutcome.Reviewed>(await reviews.ReviewAsync(read.Id, Tamsin, "Matches the court's request"));
        Assert.IsType<ReviewOutcome.AlreadyReviewed>(await reviews.ReviewAsync(read.Id, Tamsin, "Again"));

        var entries = await log.QueryAsync(new AccessLogQuery());
        var logged = entries.Where(e => e.Purpose == BreakGlassReviews.ReviewPurpose).Select(e => (e.UserName, e.Role, e.Office, e.ANumber, e.Outcome, e.BreakGlass)).ToList();
        Assert.Equal(
            [("sup-orla", "supervisor", (string?)"NYC", "012345678", "refused", false), ("aud-tamsin", "auditor", null, "012345678", "refused", false),
             ("aud-tamsin", "auditor", null, "012345678", "allowed", false), ("aud-tamsin", "auditor", null, "012345678", "refused", false)],
            logged);
    }

    [Fact]
    public async Task The_access_log_is_filtered_by_office_and_time_newest_first()
    {
        await using var log = new AccessLog(Db, Clock);
        await log.RecordAsync(Read("off-brin", breakGlass: false, null, office: "NYC"));
        Clock.Advance(Duration.FromDays(2));
        var middle = EventWriter.FormatRecordedAt(Clock.GetCurrentInstant());
        await log.RecordAsync(Read("off-cato", breakGlass: false, null, office: "MIA"));
        Clock.Advance(Duration.FromDays(2));
        await log.RecordAsync(Read("off-dune", breakGlass: false, null, office: "NYC"));

        var nyc = await log.QueryAsync(new AccessLogQuery { Office = "NYC", NewestFirst = true });
        Assert.Equal(["off-dune", "off-brin"], nyc.Select(r => r.UserName));
        var fromMiddle = await log.QueryAsync(new AccessLogQuery { FromAt = middle });
        Assert.Equal(["off-cato", "off-dune"], fromMiddle.Select(r => r.UserName));
        var beforeMiddle = await log.QueryAsync(new AccessLogQuery { BeforeAt = middle });
        Assert.Equal(["off-brin"], beforeMiddle.Select(r => r.UserName));
    }

    private AccessLogRow Read(string user, bool breakGlass, string? reason, string office = "NYC") => new()
    {
        At = EventWriter.FormatRecordedAt(Clock.GetCurrentInstant()),
        UserName = user,
        Role = breakGlass ? "supervisor" : "officer",
        Office = office,
        ANumber = "012345678",
        Purpose = "case-read",
        BreakGlass = breakGlass,
        Reason = reason,
        Outcome = "allowed",
    };
}

public sealed class BreakGlassReviewsTestsOnSqlite() : BreakGlassReviewsTests(StoreKind.Sqlite);

public sealed class BreakGlassReviewsTestsOnPostgres() : BreakGlassReviewsTests(StoreKind.Postgres);
