using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>
/// Who may read and write a case: a bearer token is required; an officer sees only their own
/// office's cases (another office's case looks exactly like one that does not exist); an
/// auditor sees no case content.
/// </summary>
public sealed class AccessTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_officer_of_another_office_gets_the_same_404_as_for_a_case_that_does_not_exist()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var outsider = server.As(server.OtherOfficeToken);

        using var theirs = await outsider.GetRawAsync(digits);
        using var unknown = await outsider.GetRawAsync(server.NewANumber());

        var hidden = await Json.ProblemAsync(theirs, HttpStatusCode.NotFound);
        var missing = await Json.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Null(theirs.Headers.ETag);
        Assert.DoesNotContain("Quillfeather", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_of_another_office_cannot_record_on_the_case_and_nothing_is_written()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);

        using var response = await server.As(server.OtherOfficeToken).PostEventRawAsync(digits, Bodies.AddressChange("1 Elsewhere Road"), "\"1\"");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        var read = await server.AsOfficer.GetAsync(digits);
        Assert.Equal(1, read.Version);
        Assert.Single(read.Events);
    }

    [Fact]
    public async Task An_officer_cannot_open_a_case_in_another_office()
    {
        var digits = server.NewANumber();

        using var response = await server.AsOfficer.OpenRawAsync(Bodies.Opening(digits, office: "LAX"));

        await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        using var read = await server.As(server.OtherOfficeToken).GetRawAsync(digits);
        await Json.ProblemAsync(read, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_auditor_is_forbidden_case_content_with_a_403_problem()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var auditor = server.As(server.AuditorToken);

        using var read = await auditor.GetRawAsync(digits);
        using var open = await auditor.OpenRawAsync(Bodies.Opening(server.NewANumber()));
        using var record = await auditor.PostEventRawAsync(digits, Bodies.AddressChange("1 Audit Way"), "\"1\"");

        await Json.ProblemAsync(read, HttpStatusCode.Forbidden);
        await Json.ProblemAsync(open, HttpStatusCode.Forbidden);
        await Json.ProblemAsync(record, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("Quillfeather", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await server.AsOfficer.GetAsync(digits)).Version);
    }

    [Fact]
    public async Task A_request_without_a_token_is_a_401_problem_with_a_Bearer_challenge()
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var anonymous = server.As(null);

        using var read = await anonymous.GetRawAsync(digits);
        using var record = await anonymous.PostEventRawAsync(digits, Bodies.AddressChange("1 Nobody Lane"), "\"1\"");

        foreach (var response in new[] { read, record })
        {
            await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }

        Assert.Equal(1, (await server.AsOfficer.GetAsync(digits)).Version);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("unknown")]
    public async Task A_revoked_or_unknown_token_is_a_401_problem(string which)
    {
        var digits = server.NewANumber();
        await server.AsOfficer.OpenAsync(digits);
        var token = which == "revoked" ? server.RevokedToken : "dkt_" + new string('x', 43);

        using var response = await server.As(token).GetRawAsync(digits);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_revoked_while_the_server_runs_stops_working_at_once()
    {
        var token = (await server.Users.AddAsync("officer-leaving", "officer", "NYC")).Token;
        var digits = server.NewANumber();
        await server.As(token).OpenAsync(digits);

        Assert.True(await server.Users.RevokeAsync("officer-leaving"));

        using var response = await server.As(token).GetRawAsync(digits);
        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
