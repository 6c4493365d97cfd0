using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// The case page's controls: "Record an event" starts at no choice (an officer who pressed the
/// button at once used to open the form of whatever event came first in the list), and a read
/// outside the caseload says why it has no removal check.
/// </summary>
public sealed class CasePageControlsTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Record_an_event_starts_at_no_choice_and_sending_it_unchosen_shows_the_list()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        using var officer = await server.PagesAsAsync(DocketServer.Officer);

        var page = await officer.Http.GetStringAsync($"/cases/{digits}");
        var select = page[page.IndexOf("id=\"record-type\"", StringComparison.Ordinal)..];
        // The first choice, with an empty value (Blazor writes it as a bare `value` attribute).
        Assert.Matches("^id=\"record-type\" name=\"type\" required><option value(=\"\")?>Choose an event</option>", select);

        using var unchosen = await officer.Http.GetAsync($"/cases/{digits}/record?type=");
        Assert.Equal(HttpStatusCode.OK, unchosen.StatusCode);
        Assert.Contains("Hearing scheduled", await unchosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await officer.Http.GetAsync($"/cases/{digits}/record?type=NoSuchEvent");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_read_outside_the_caseload_has_no_removal_check_and_says_why()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        using var supervisor = await server.PagesAsAsync("supervisor-lax");

        using var read = await supervisor.PostFormAsync("/cases/break-glass", [new("aNumber", digits), new("reason", "Review of the office's hearing notices")], tokenFrom: "/cases/find");
        var page = await FollowAsync(supervisor, read);

        Assert.Contains("Read outside your caseload", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"removal-to\"", page, StringComparison.Ordinal);
        Assert.Contains("A removal check is run inside the case's caseload", page, StringComparison.Ordinal);
    }

    private static async Task<string> FollowAsync(PageClient client, HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } location)
        {
            return await client.Http.GetStringAsync(location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
