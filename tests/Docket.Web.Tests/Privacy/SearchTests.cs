using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Privacy;

/// <summary>
/// Search without lists: a case is found by its identity (A-number, or family name and date of
/// birth) and only inside the caller's own caseload, 25 at most a page. No criterion lists people
/// by a category (nationality, stage, office, place), and caseload views show only one's own.
/// </summary>
public abstract class SearchTests(DocketServer server)
{
    [Fact]
    public async Task A_name_and_date_of_birth_search_finds_only_cases_in_the_callers_caseload()
    {
        const string Name = "Delacroix-Yamamoto";
        const string Birth = "1981-05-19";
        var nyc = server.NewANumber();
        await server.OpenCaseAsync(nyc, Name, "Amaury", Birth);
        var lax = server.NewANumber();
        await server.OpenCaseAsync(lax, Name, "Amaury", Birth, office: "LAX", token: server.OtherOfficeToken);
        var query = $"/api/cases?familyName={Uri.EscapeDataString(Name.ToUpperInvariant())}&dateOfBirth={Birth}";

        Assert.Equal([nyc], await FoundAsync(server.OfficerToken, query));
        Assert.Equal([nyc], await FoundAsync(server.SupervisorToken, query));
        Assert.Equal([lax], await FoundAsync(server.OtherOfficeToken, query));
        Assert.Equal([lax], await FoundAsync(server.OtherSupervisorToken, query));
        Assert.Empty(await FoundAsync(server.OtherAttorneyToken, query));
        Assert.Empty(await FoundAsync(server.OfficerToken, $"/api/cases?aNumber={lax}"));

        using var auditor = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, query);
        await Json.ProblemAsync(auditor, HttpStatusCode.Forbidden);

        // What a search shows is enough to pick the right case, nothing more.
        using var response = await server.AsOfficer.SendAsync(HttpMethod.Get, query);
        var found = (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("cases").EnumerateArray().Single();
        Assert.Equal(
            ["aNumber", "dateOfBirth", "familyName", "givenNames", "nextHearingOn", "office", "stage"],
            found.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Özdemir", "Özdemir")]
    [InlineData("Özdemir", "özdemir")]
    [InlineData("Özdemir", "ÖZDEMIR")]
    [InlineData("Ñúñez-Ibáñez", "ñúñez-ibáñez")]
    [InlineData("Łukaszewicz", "ŁUKASZEWICZ")]
    [InlineData("O'Brien", "o'brien")]
    public async Task A_family_name_is_found_whatever_its_letters_and_their_case(string stored, string typed)
    {
        const string Birth = "1977-07-07";
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, stored, "Ayşe", Birth);

        var found = await FoundAsync(server.OfficerToken, $"/api/cases?familyName={Uri.EscapeDataString(typed)}&dateOfBirth={Birth}");

        Assert.Contains(digits, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?familyName=Quillfeather")]
    [InlineData("?dateOfBirth=1990-01-02")]
    [InlineData("?citizenship=GTM")]
    [InlineData("?nationality=GTM")]
    [InlineData("?country=GTM")]
    [InlineData("?stage=removal-ordered")]
    [InlineData("?status=open")]
    [InlineData("?office=NYC")]
    [InlineData("?region=northeast")]
    [InlineData("?page=1&pageSize=25")]
    [InlineData("?familyName=&dateOfBirth=")]
    [InlineData("?aNumber=")]
    public async Task A_search_without_an_identity_is_a_400_and_lists_nobody(string query)
    {
        await server.OpenCaseAsync(server.NewANumber());

        foreach (var token in new[] { server.OfficerToken, server.SupervisorToken, server.AttorneyToken })
        {
            using var response = await server.As(token).SendAsync(HttpMethod.Get, "/api/cases" + query);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.False(problem.TryGetProperty("cases", out _));
            Assert.DoesNotContain("Quillfeather", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_category_next_to_an_identity_narrows_nothing_and_widens_nothing()
    {
        const string Name = "Papadakis-Eze";
        const string Birth = "1966-10-01";
        var first = server.NewANumber();
        await server.OpenCaseAsync(first, Name, "Ines", Birth);
        var second = server.NewANumber();
        await server.OpenCaseAsync(second, Name, "Jonas", Birth);
        await server.OpenCaseAsync(server.NewANumber(), "Papadakis-Other", "Ines", Birth);
        var identity = $"familyName={Name}&dateOfBirth={Birth}";

        var plain = await FoundAsync(server.OfficerToken, $"/api/cases?{identity}");
        Assert.Equal([first, second], plain.Order());
        foreach (var category in new[] { "citizenship=MEX", "citizenship=GTM", "stage=removal-ordered", "office=LAX", "nationality=GTM", "status=closed" })
        {
            Assert.Equal(plain, await FoundAsync(server.OfficerToken, $"/api/cases?{identity}&{category}"));
        }
    }

    [Fact]
    public async Task Results_come_25_a_page_at_most()
    {
        const string Name = "Hoffmann-Adeyemi";
        const string Birth = "1959-09-09";
        var opened = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            var digits = server.NewANumber();
            await server.OpenCaseAsync(digits, Name, $"Given {i}", Birth);
            opened.Add(digits);
        }

        var query = $"/api/cases?familyName={Name}&dateOfBirth={Birth}";
        using var asked = await server.AsOfficer.SendAsync(HttpMethod.Get, query + "&pageSize=1000");
        var first = await Json.ReadAsync(asked, HttpStatusCode.OK);
        using var second = await server.AsOfficer.SendAsync(HttpMethod.Get, query + "&page=2");
        var rest = await Json.ReadAsync(second, HttpStatusCode.OK);

        Assert.Equal(25, first.GetProperty("cases").GetArrayLength());
        Assert.Equal(25, first.GetProperty("pageSize").GetInt32());
        Assert.True(first.GetProperty("mayHaveMore").GetBoolean());
        Assert.Equal(2, rest.GetProperty("cases").GetArrayLength());
        Assert.False(rest.GetProperty("mayHaveMore").GetBoolean());
        Assert.Equal(
            opened.Order(),
            first.GetProperty("cases").EnumerateArray().Concat(rest.GetProperty("cases").EnumerateArray()).Select(c => c.Text("aNumber")).Order());
    }

    [Theory]
    [InlineData("/api/cases?familyName=Quillfeather&dateOfBirth=1990-01-02&page=2147483647")]
    [InlineData("/api/cases?familyName=Quillfeather&dateOfBirth=1990-01-02&page=-5&pageSize=-5")]
    [InlineData("/api/caseload/hearings?from=2025-01-01&to=2025-12-31&page=2147483647")]
    public async Task A_page_far_past_the_end_is_an_empty_page_not_an_error(string path)
    {
        await server.OpenCaseAsync(server.NewANumber());

        using var response = await server.AsOfficer.SendAsync(HttpMethod.Get, path);

        var page = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.True(page.GetProperty("pageSize").GetInt32() is >= 1 and <= 25);
    }

    [Fact]
    public async Task The_caseload_hearings_are_the_callers_own_only()
    {
        // A week nobody else in this class uses.
        var nyc = server.NewANumber();
        var nycCase = await server.OpenCaseAsync(nyc, "Kowalczyk-Diallo");
        await server.AsOfficer.AppendAsync(nyc, await server.AsOfficer.ServeNoticeAsync(nyc, nycCase.Version), AccessBodies.HearingScheduled("2025-09-10"));
        var lax = server.NewANumber();
        var laxCase = await server.OpenCaseAsync(lax, "Kowalczyk-Diallo", office: "LAX", token: server.OtherOfficeToken);
        await server.As(server.OtherOfficeToken).AppendAsync(lax, await server.As(server.OtherOfficeToken).ServeNoticeAsync(lax, laxCase.Version), AccessBodies.HearingScheduled("2025-09-11", "Los Angeles Immigration Court"));
        const string Week = "/api/caseload/hearings?from=2025-09-08&to=2025-09-14";

        Assert.Equal([nyc], await FoundAsync(server.OfficerToken, Week));
        Assert.Equal([nyc], await FoundAsync(server.SupervisorToken, Week));
        Assert.Equal([lax], await FoundAsync(server.OtherOfficeToken, Week));
        Assert.Empty(await FoundAsync(server.AttorneyToken, Week));
        using var auditor = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, Week);
        await Json.ProblemAsync(auditor, HttpStatusCode.Forbidden);
    }

    private async Task<List<string>> FoundAsync(string token, string path)
    {
        using var response = await server.As(token).SendAsync(HttpMethod.Get, path);
        var page = await Json.ReadAsync(response, HttpStatusCode.OK);
        return [.. page.GetProperty("cases").EnumerateArray().Select(c => c.Text("aNumber"))];
    }
}

public sealed class SqliteSearchTests(SqliteServer server) : SearchTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSearchTests(PostgresServer server) : SearchTests(server), IClassFixture<PostgresServer>;
