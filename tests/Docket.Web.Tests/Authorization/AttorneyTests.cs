using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// An attorney reaches a case only while their bar number is the attorney of record on it, and
/// files only their own kinds of filings there; the agency's and the court's records are not theirs.
/// </summary>
public abstract class AttorneyTests(DocketServer server)
{
    [Fact]
    public async Task The_attorney_of_record_files_a_change_of_address_but_not_a_judges_decision()
    {
        var digits = server.NewANumber();
        var (_, version) = await server.OpenRepresentedCaseAsync(digits);
        var attorney = server.As(server.AttorneyToken);

        var after = await attorney.AppendAsync(digits, await server.AsOfficer.ServeNoticeAsync(digits, version), Bodies.AddressChange("55 Counsel Street, Queens NY"));
        using var decided = await attorney.PostEventRawAsync(digits, AccessBodies.JudgeDecided(), $"\"{after}\"");

        var problem = await Json.ProblemAsync(decided, HttpStatusCode.Forbidden);
        Assert.Contains("JudgeDecided", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(after, await server.StoredVersionAsync(digits));
        var read = await attorney.GetAsync(digits);
        Assert.Equal("attorney-of-record", read.Events[^1].Text("recordedBy"));
        Assert.Equal("MailingAddressChanged", read.Events[^1].Text("type"));

        // The same decision recorded by the agency goes through, so the 403 was about who files it.
        await server.AsOfficer.AppendAsync(digits, after, AccessBodies.JudgeDecided());
    }

    [Fact]
    public async Task An_attorney_who_is_not_of_record_gets_the_404_of_a_case_that_does_not_exist_and_writes_nothing()
    {
        var digits = server.NewANumber();
        var (_, version) = await server.OpenRepresentedCaseAsync(digits, "Roubini-Achebe");
        var stranger = server.As(server.OtherAttorneyToken);

        using var read = await stranger.GetRawAsync(digits);
        using var write = await stranger.PostEventRawAsync(digits, Bodies.AddressChange("1 Stranger Way"), $"\"{version}\"");
        using var unknown = await stranger.GetRawAsync(server.NewANumber());

        var hidden = await Json.ProblemAsync(read, HttpStatusCode.NotFound);
        await Json.ProblemAsync(write, HttpStatusCode.NotFound);
        Assert.Equal((await Json.ProblemAsync(unknown, HttpStatusCode.NotFound)).Text("title"), hidden.Text("title"));
        Assert.DoesNotContain("Roubini", hidden.ToString(), StringComparison.Ordinal);
        Assert.Equal(version, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task An_attorney_who_withdraws_no_longer_reaches_the_case()
    {
        var digits = server.NewANumber();
        var (_, version) = await server.OpenRepresentedCaseAsync(digits);
        var attorney = server.As(server.AttorneyToken);
        await attorney.GetAsync(digits);

        await attorney.AppendAsync(digits, version, AccessBodies.AttorneyWithdrew());

        using var read = await attorney.GetRawAsync(digits);
        await Json.ProblemAsync(read, HttpStatusCode.NotFound);
        using var search = await attorney.SendAsync(HttpMethod.Get, $"/api/cases?aNumber={digits}");
        Assert.Empty((await Json.ReadAsync(search, HttpStatusCode.OK)).GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task An_attorneys_search_and_hearings_list_only_the_cases_they_represent()
    {
        var represented = server.NewANumber();
        var (_, version) = await server.OpenRepresentedCaseAsync(represented, "Szabo-Quaye", dateOfBirth: "1975-02-17");
        var notRepresented = server.NewANumber();
        var other = await server.OpenCaseAsync(notRepresented, "Szabo-Quaye", dateOfBirth: "1975-02-17");
        await server.AsOfficer.AppendAsync(represented, await server.AsOfficer.ServeNoticeAsync(represented, version), AccessBodies.HearingScheduled("2025-06-04"));
        await server.AsOfficer.AppendAsync(notRepresented, await server.AsOfficer.ServeNoticeAsync(notRepresented, other.Version), AccessBodies.HearingScheduled("2025-06-04"));
        var attorney = server.As(server.AttorneyToken);

        using var byName = await attorney.SendAsync(HttpMethod.Get, "/api/cases?familyName=szabo-quaye&dateOfBirth=1975-02-17");
        using var byNumber = await attorney.SendAsync(HttpMethod.Get, $"/api/cases?aNumber={notRepresented}");
        using var hearings = await attorney.SendAsync(HttpMethod.Get, "/api/caseload/hearings?from=2025-06-01&to=2025-06-30");

        Assert.Equal([represented], Numbers(await Json.ReadAsync(byName, HttpStatusCode.OK)));
        Assert.Empty(Numbers(await Json.ReadAsync(byNumber, HttpStatusCode.OK)));
        var listed = Numbers(await Json.ReadAsync(hearings, HttpStatusCode.OK));
        Assert.Contains(represented, listed);
        Assert.DoesNotContain(notRepresented, listed);
    }

    private static List<string> Numbers(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("cases").EnumerateArray().Select(c => c.Text("aNumber"))];
}

public sealed class SqliteAttorneyTests(SqliteServer server) : AttorneyTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAttorneyTests(PostgresServer server) : AttorneyTests(server), IClassFixture<PostgresServer>;
