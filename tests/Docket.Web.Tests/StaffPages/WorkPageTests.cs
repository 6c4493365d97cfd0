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
        var mine = await officer.Http.GetStringAsync("/work");
        var theirs = await elsewhere.Http.GetStringAsync("/work");

        Assert.Contains("Hearings this week and next", mine, StringComparison.Ordinal);
        Assert.Contains($"/cases/{soon}", mine, StringComparison.Ordinal);
        Assert.Contains("Thursday, 12 June 2025", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{later}", mine, StringComparison.Ordinal);
        Assert.Contains("Departures awaiting verification", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Pendleford", theirs, StringComparison.Ordinal);
    }

    private async Task Hearing(string aNumber, string date)
    {
        await server.AsOfficer.AppendAsync(aNumber, 1, """{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""");
        await server.AsOfficer.AppendAsync(aNumber, 2, $$"""{"type":"HearingScheduled","on":"{{DocketServer.Today}}","date":"{{date}}","kind":"master","court":"New York Broadway Immigration Court"}""");
    }
}
