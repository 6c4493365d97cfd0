using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// /audit/break-glass signed in: the reads awaiting review, each with its form; reviewed, back to
/// the list saying so; each refusal (a note too long or missing, one's own read, reviewed
/// already, not a break-glass read) shown plainly with the API's status, the note as typed kept.
/// </summary>
public sealed class BreakGlassPageTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private async Task<(string Digits, long ReadId)> BrokenGlassAsync(string reason)
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);
        using var read = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", reason);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var entry = (await server.AccessLogAsync($"aNumber={digits}&breakGlass=true")).Single();
        return (digits, entry.GetProperty("id").GetInt64());
    }

    private static async Task<(HttpStatusCode Status, string Html)> ReviewAsync(PageClient client, long id, string note)
    {
        using var response = await client.PostFormAsync("/audit/break-glass", [new("accessId", $"{id}"), new("note", note)], tokenFrom: "/audit/break-glass");
        return (response.StatusCode, response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.ToString() : await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_auditor_reviews_a_read_from_the_list_and_every_refusal_is_shown_beside_it()
    {
        var (digits, id) = await BrokenGlassAsync("Court asked for the file in a bond hearing");
        using var auditor = await server.PagesAsAsync("auditor-oig");

        var list = await auditor.Http.GetStringAsync("/audit/break-glass");
        Assert.Contains($"Read {id}: case A{digits}", list, StringComparison.Ordinal);
        Assert.Contains("Court asked for the file in a bond hearing", list, StringComparison.Ordinal);
        Assert.Contains($"Mark read {id} reviewed", list, StringComparison.Ordinal);

        var tooLong = new string('q', 2001);
        var (status, html) = await ReviewAsync(auditor, id, tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"Read {id} was not marked reviewed", html, StringComparison.Ordinal);
        Assert.Contains("2001 characters is longer than the 2000 a review note may have", html, StringComparison.Ordinal);
        Assert.Contains($">{tooLong}</textarea>", html, StringComparison.Ordinal);

        (status, html) = await ReviewAsync(auditor, id, "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("a review needs a note", html, StringComparison.Ordinal);

        (await server.AsOfficer.GetRawAsync(digits)).Dispose();
        var ordinary = (await server.AccessLogAsync($"aNumber={digits}&user={DocketServer.Officer}")).Single().GetProperty("id").GetInt64();
        (status, html) = await ReviewAsync(auditor, ordinary, "An ordinary read");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not a break-glass read", html, StringComparison.Ordinal);

        (status, html) = await ReviewAsync(auditor, 9_000_000_000, "No such read");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no access log entry 9000000000.", html, StringComparison.Ordinal);

        (status, html) = await ReviewAsync(auditor, id, "Reason matches the bond hearing on the court's calendar");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"/audit/break-glass?reviewed={id}", html);
        var after = await auditor.Http.GetStringAsync(html);
        Assert.Contains($"Read {id} is marked reviewed.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"Read {id}: case", after, StringComparison.Ordinal);

        using var supervisor = await server.PagesAsAsync("supervisor-nyc");
        (status, html) = await ReviewAsync(supervisor, id, "Second opinion");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("was reviewed by auditor-oig (auditor)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_sees_their_own_read_without_a_form_and_a_forged_review_of_it_is_refused()
    {
        var (_, id) = await BrokenGlassAsync("Checking a transfer between offices");
        using var reader = await server.PagesAsAsync("supervisor-lax");

        var list = await reader.Http.GetStringAsync("/audit/break-glass");
        Assert.Contains($"Read {id}: case", list, StringComparison.Ordinal);
        Assert.Contains("You made this read.", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"Mark read {id} reviewed", list, StringComparison.Ordinal);

        var (status, html) = await ReviewAsync(reader, id, "My own read was fine");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains($"You made read {id} yourself: someone else", html, StringComparison.Ordinal);
        Assert.Contains($"Read {id} was not marked reviewed", html, StringComparison.Ordinal);
        Assert.Contains("You made this read.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_and_attorneys_get_403_for_the_page_and_its_form()
    {
        var (_, id) = await BrokenGlassAsync("An audit of the month's reads");
        foreach (var user in new[] { DocketServer.Officer, "attorney-of-record" })
        {
            using var client = await server.PagesAsAsync(user);
            using var page = await client.Http.GetAsync("/audit/break-glass");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            using var post = await client.PostFormAsync("/audit/break-glass", [new("accessId", $"{id}"), new("note", "Not mine")]);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using var auditor = await server.PagesAsAsync("auditor-oig");
        Assert.Contains($"Read {id}: case", await auditor.Http.GetStringAsync("/audit/break-glass"), StringComparison.Ordinal);
    }
}
