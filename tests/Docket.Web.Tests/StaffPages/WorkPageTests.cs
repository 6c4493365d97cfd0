using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>My work lists the hearings of this week and next in one's own caseload only.</summary>
public sealed class WorkPageTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task My_work_lists_a_hearing_of_next_week_in_the_caseload_and_nobody_elses_office_sees_it()
    {
        var soon = server.NewANumber();
        var later = server.NewANumber();
        await server.AsOfficer.OpenAsync(soon, familyName: "Pendleford");
        await server.AsOfficer.OpenAsync(later, familyName: "Ashgrove");
        await Hearing(soon, "2025-06-12");
        await Hearing(later, "2025-06-30");

        using var officer = await server.PagesAsAsync(DocketServer.Officer);
        using var elsewhere = await server.PagesAsAsync("officer-lax");
        var page = await officer.Http.GetStringAsync("/work");
        var mine = Hearings(page);
        var theirs = await elsewhere.Http.GetStringAsync("/work");

        Assert.Contains("Deadlines in the next 14 days", page, StringComparison.Ordinal);
                Assert.Contains($"/cases/{soon}", mine, StringComparison.Ordinal);
        Assert.Contains("Thursday, 12 June 2025", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{later}", mine, StringComparison.Ordinal);
        Assert.Contains("Departures awaiting verification", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pendleford", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_and_day_views_show_the_hearings_of_the_chosen_period_only()
    {
        var monday = server.NewANumber();
        var friday = server.NewANumber();
        await server.AsOfficer.OpenAsync(monday, familyName: "Thornquist");
        await server.AsOfficer.OpenAsync(friday, familyName: "Wrenfield");
        await Hearing(monday, "2025-07-07");
        await Hearing(friday, "2025-07-11");

        using var officer = await server.PagesAsAsync(DocketServer.Officer);
        var week = Hearings(await officer.Http.GetStringAsync("/work?view=week&date=2025-07-09"));
        var day = Hearings(await officer.Http.GetStringAsync("/work?view=day&date=2025-07-11"));
        var twoWeeks = Hearings(await officer.Http.GetStringAsync("/work"));

        Assert.Contains($"/cases/{monday}", week, StringComparison.Ordinal);
        Assert.Contains($"/cases/{friday}", week, StringComparison.Ordinal);
        Assert.Contains($"/cases/{friday}", day, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{monday}", day, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{monday}", twoWeeks, StringComparison.Ordinal);
    }

    // The hearings section alone: the same case may also be listed under its deadlines.
    private static string Hearings(string page)
    {
        var start = page.IndexOf("<h2 id=\"hearings\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no hearings section");
        var end = page.IndexOf("<h2 ", start + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private async Task Hearing(string aNumber, string date)
    {
        await server.AsOfficer.AppendAsync(aNumber, 1, """{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""");
        await server.AsOfficer.AppendAsync(aNumber, 2, $$"""{"type":"HearingScheduled","on":"{{DocketServer.Today}}","date":"{{date}}","kind":"master","court":"New York Broadway Immigration Court"}""");
    }
}
