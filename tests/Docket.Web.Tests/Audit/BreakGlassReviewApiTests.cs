using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Audit;

/// <summary>
/// GET /api/audit/break-glass and POST /api/audit/break-glass/reviews: a supervisor or auditor
/// reviews a break-glass read with a note, once, never their own; each refusal is its own problem
/// (400 a note empty or too long, or an entry that is not a break-glass read; 403 one's own read;
/// 404 no such entry; 409 reviewed already); the review is in the access log and on the person's
/// page of who read their file.
/// </summary>
public abstract class BreakGlassReviewApiTests(DocketServer server)
{
    private const string Birth = "1988-11-30";

    private async Task<(string Digits, string Code, long ReadId)> BrokenGlassAsync(string reason)
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Thistlewood", "Oriel Maren", Birth);
        using var read = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", reason);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var waiting = await WaitingAsync(server.AuditorToken);
        var mine = Assert.Single(waiting, w => w.Text("aNumber") == digits);
        Assert.Equal(("supervisor-lax", "supervisor", "LAX", reason, "case"), (mine.Text("userName"), mine.Text("role"), mine.Text("office"), mine.Text("reason"), mine.Text("purpose")));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("review").ValueKind);
        return (digits, opened.AccessCode, mine.GetProperty("id").GetInt64());
    }

    private async Task<IReadOnlyList<JsonElement>> WaitingAsync(string token, string query = "")
    {
        using var response = await server.As(token).SendAsync(HttpMethod.Get, $"/api/audit/break-glass?limit=1000{query}");
        return [.. (await Json.ReadAsync(response, HttpStatusCode.OK)).EnumerateArray()];
    }

    private Task<HttpResponseMessage> ReviewAsync(string token, long accessId, string note) =>
        server.As(token).SendAsync(HttpMethod.Post, "/api/audit/break-glass/reviews", JsonSerializer.Serialize(new { accessId, note }));

    [Fact]
    public async Task A_read_is_reviewed_once_by_someone_else_and_each_refusal_is_its_own_problem()
    {
        var (digits, _, id) = await BrokenGlassAsync("Court asked for the file in a bond hearing");

        using (var own = await ReviewAsync(server.OtherSupervisorToken, id, "My own read, fine"))
        {
            Assert.Contains("someone else", (await Json.ProblemAsync(own, HttpStatusCode.Forbidden)).Text("detail"), StringComparison.Ordinal);
        }

        using (var tooLong = await ReviewAsync(server.AuditorToken, id, new string('n', 2001)))
        {
            var problem = await Json.ProblemAsync(tooLong, HttpStatusCode.BadRequest);
            Assert.Contains("2001 characters is longer than the 2000", problem.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        }

        using (var blank = await ReviewAsync(server.AuditorToken, id, "  "))
        {
            await Json.ProblemAsync(blank, HttpStatusCode.BadRequest);
        }

        foreach (var body in new[] { $$"""{"accessId":{{id}}}""", $$"""{"accessId":"{{id}}","note":"x"}""", $$"""{"accessId":{{id}},"note":"x","at":"now"}""", "[]" })
        {
            using var malformed = await server.As(server.AuditorToken).SendAsync(HttpMethod.Post, "/api/audit/break-glass/reviews", body);
            await Json.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        (await server.AsOfficer.GetRawAsync(digits)).Dispose();
        var ordinary = (await server.AccessLogAsync($"aNumber={digits}&user={DocketServer.Officer}")).Single().GetProperty("id").GetInt64();
        using (var notBreakGlass = await ReviewAsync(server.AuditorToken, ordinary, "Ordinary read"))
        {
            Assert.Equal("Not a break-glass read", (await Json.ProblemAsync(notBreakGlass, HttpStatusCode.BadRequest)).Text("title"));
        }

        using (var missing = await ReviewAsync(server.AuditorToken, 9_000_000_000, "No such read"))
        {
            await Json.ProblemAsync(missing, HttpStatusCode.NotFound);
        }

        Assert.Contains(await WaitingAsync(server.SupervisorToken), w => w.GetProperty("id").GetInt64() == id);

        using (var done = await ReviewAsync(server.AuditorToken, id, "  Reason matches the bond hearing on the court's calendar  "))
        {
            var review = await Json.ReadAsync(done, HttpStatusCode.Created);
            Assert.Equal((id, "auditor-oig", "auditor", "Reason matches the bond hearing on the court's calendar", DocketServer.RecordedAtNow.Length),
                (review.GetProperty("accessId").GetInt64(), review.Text("reviewer"), review.Text("reviewerRole"), review.Text("note"), review.Text("at").Length));
        }

        using (var again = await ReviewAsync(server.SupervisorToken, id, "Second opinion"))
        {
            Assert.Contains("auditor-oig", (await Json.ProblemAsync(again, HttpStatusCode.Conflict)).Text("detail"), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await WaitingAsync(server.AuditorToken), w => w.GetProperty("id").GetInt64() == id);
        var reviewed = Assert.Single(await WaitingAsync(server.AuditorToken, "&reviewed=true"), w => w.GetProperty("id").GetInt64() == id);
        Assert.Equal("auditor-oig", reviewed.GetProperty("review").Text("reviewer"));

        // The review and the refused attempts, in the access log about the case.
        var logged = (await server.AccessLogAsync($"aNumber={digits}")).Where(e => e.Text("purpose") == "break-glass-review")
            .Select(e => (e.Text("userName"), e.Text("outcome"))).ToList();
        Assert.Equal([("supervisor-lax", "refused"), ("auditor-oig", "refused"), ("auditor-oig", "allowed"), ("supervisor-nyc", "refused")], logged);
    }

    [Fact]
    public async Task Officers_attorneys_and_the_anonymous_may_neither_list_nor_review()
    {
        var (_, _, id) = await BrokenGlassAsync("Audit of last month's reads");
        foreach (var token in new[] { server.OfficerToken, server.OtherOfficeToken, server.AttorneyToken })
        {
            using var list = await server.As(token).SendAsync(HttpMethod.Get, "/api/audit/break-glass");
            await Json.ProblemAsync(list, HttpStatusCode.Forbidden);
            using var review = await ReviewAsync(token, id, "Not mine to review");
            await Json.ProblemAsync(review, HttpStatusCode.Forbidden);
        }

        using var anonymous = await ReviewAsync(null!, id, "Nobody");
        await Json.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Contains(await WaitingAsync(server.AuditorToken), w => w.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task The_person_sees_the_review_of_the_read_among_who_read_their_file()
    {
        var (digits, code, id) = await BrokenGlassAsync("Review of the bond file");
        using (var done = await ReviewAsync(server.AuditorToken, id, "Matches the bond hearing"))
        {
            await Json.ReadAsync(done, HttpStatusCode.Created);
        }

        var session = await server.SignInAsync(digits, code, Birth);
        using var response = await server.As(session).SendAsync(HttpMethod.Get, "/api/self-service/access");
        var reads = (await Json.ReadAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Contains(reads, r => r.GetProperty("breakGlass").GetBoolean() && r.Text("purpose") == "Review of the bond file");
        Assert.Contains(reads, r => r.Text("purpose") == "break-glass-review" && r.Text("role") == "auditor" && r.Text("purposeText") == "Reviewed an emergency access to your file");
    }
}

public sealed class SqliteBreakGlassReviewApiTests(SqliteServer server) : BreakGlassReviewApiTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresBreakGlassReviewApiTests(PostgresServer server) : BreakGlassReviewApiTests(server), IClassFixture<PostgresServer>;
