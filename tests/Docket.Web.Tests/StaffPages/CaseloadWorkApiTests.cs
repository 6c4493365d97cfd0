using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.StaffPages;

/// <summary>
/// GET /api/caseload/deadlines and /api/caseload/idle answer from the caller's own caseload only,
/// and refuse a filter they cannot read with a problem rather than an empty list.
/// </summary>
public sealed class CaseloadWorkApiTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_deadline_of_a_case_is_listed_for_its_office_and_not_for_another()
    {
        var aNumber = server.NewANumber();
        await server.AsOfficer.OpenAsync(aNumber, familyName: "Marrowdale");
        await server.AsOfficer.AppendAsync(aNumber, 1, """{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["INA 212(a)(6)(A)(i)"]}""");

        using var own = await JsonAsync(server.OfficerToken, $"/api/cases/{aNumber}/deadlines");
        var kinds = Kinds(own.RootElement);
        Assert.NotEmpty(kinds);

        var mine = await CaseloadDeadlinesAsync(server.OfficerToken);
        var theirs = await CaseloadDeadlinesAsync(server.OtherOfficeToken);
        Assert.Contains(mine, d => d.ANumber == aNumber && kinds.Contains(d.Kind));
        Assert.DoesNotContain(theirs, d => d.ANumber == aNumber);
    }

    [Theory]
    [InlineData("/api/caseload/deadlines?kind=no-such-kind")]
    [InlineData("/api/caseload/deadlines?to=2025-13-40")]
    [InlineData("/api/caseload/idle?days=10")]
    public async Task A_filter_that_cannot_be_read_is_a_problem(string path)
    {
        using var response = await Send(server.OfficerToken, path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_case_just_recorded_is_not_idle()
    {
        var aNumber = server.NewANumber();
        await server.AsOfficer.OpenAsync(aNumber);
        using var idle = await JsonAsync(server.OfficerToken, "/api/caseload/idle?days=30");
        var listed = idle.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("aNumber").GetString());
        Assert.DoesNotContain(aNumber, listed);
    }

    private async Task<List<(string ANumber, string Kind)>> CaseloadDeadlinesAsync(string token)
    {
        var all = new List<(string, string)>();
        for (var page = 1; page < 200; page++)
        {
            using var doc = await JsonAsync(token, $"/api/caseload/deadlines?to=2030-12-31&page={page}");
            all.AddRange(doc.RootElement.GetProperty("deadlines").EnumerateArray()
                .Select(d => (d.GetProperty("aNumber").GetString()!, d.GetProperty("kind").GetString()!)));
            if (!doc.RootElement.GetProperty("mayHaveMore").GetBoolean())
            {
                break;
            }
        }

        return all;
    }

    private static HashSet<string> Kinds(JsonElement caseDeadlines) =>
        [.. caseDeadlines.EnumerateArray().Select(d => d.GetProperty("kind").GetString()!)];

    private async Task<JsonDocument> JsonAsync(string token, string path)
    {
        using var response = await Send(token, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> Send(string token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return server.Http.SendAsync(request);
    }
}
