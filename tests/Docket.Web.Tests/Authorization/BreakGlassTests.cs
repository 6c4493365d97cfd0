using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// Reading outside one's caseload: allowed only to roles that may break glass (supervisors,
/// auditors), only with a reason in X-Access-Reason, and always logged and flagged. Everyone
/// else is refused, and the refusal is logged too.
/// </summary>
public abstract class BreakGlassTests(DocketServer server)
{
    private const string Reason = "Complaint 2025-117: review of NYC's handling of this case";

    [Fact]
    public async Task A_supervisor_of_another_office_with_a_reason_reads_the_case_flagged_in_the_log()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, "Esterhazy-Mbeki", "Lucian");

        using var response = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", Reason);

        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Esterhazy-Mbeki", body.GetProperty("person").Text("familyName"));
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        AssertEntry(entry, "supervisor-lax", "supervisor", "LAX", "case", breakGlass: true, Reason, "allowed");

        var flagged = await server.AccessLogAsync("breakGlass=true");
        Assert.All(flagged, e => Assert.True(e.GetProperty("breakGlass").GetBoolean()));
        Assert.Contains(flagged, e => e.GetProperty("id").GetInt64() == entry.GetProperty("id").GetInt64());
        Assert.DoesNotContain(await server.AccessLogAsync("breakGlass=false"), e => e.GetProperty("id").GetInt64() == entry.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_break_glass_read_without_a_reason_is_refused_with_a_403_and_logged_as_refused(string? reason)
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, "Esterhazy-Mbeki", "Lucian");

        using var response = reason is null
            ? await server.As(server.OtherSupervisorToken).GetRawAsync(digits)
            : await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", reason);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("X-Access-Reason", problem.Text("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("Esterhazy", problem.ToString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.ETag);
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        AssertEntry(entry, "supervisor-lax", "supervisor", "LAX", "case", breakGlass: true, null, "refused");
    }

    [Fact]
    public async Task An_officer_of_another_office_with_a_reason_still_gets_the_404_and_the_attempt_is_logged_as_refused()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, "Esterhazy-Mbeki", "Lucian");

        using var response = await server.GetWithReasonAsync(server.OtherOfficeToken, $"/api/cases/{digits}", Reason);
        using var unknown = await server.GetWithReasonAsync(server.OtherOfficeToken, $"/api/cases/{server.NewANumber()}", Reason);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        var missing = await Json.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(missing.Text("title"), problem.Text("title"));
        Assert.DoesNotContain("Esterhazy", problem.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        AssertEntry(entry, "officer-lax", "officer", "LAX", "case", breakGlass: true, Reason, "refused");
    }

    [Fact]
    public async Task An_unrelated_attorney_with_a_reason_gets_the_404_and_the_attempt_is_logged_as_refused()
    {
        var digits = server.NewANumber();
        await server.OpenRepresentedCaseAsync(digits, "Esterhazy-Mbeki", "Lucian");

        using var response = await server.GetWithReasonAsync(server.OtherAttorneyToken, $"/api/cases/{digits}/deadlines", Reason);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        AssertEntry(entry, "attorney-unrelated", "attorney", null, "deadlines", breakGlass: true, Reason, "refused");
    }

    [Fact]
    public async Task An_auditor_reads_case_content_only_with_a_reason_and_each_read_is_flagged()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, "Esterhazy-Mbeki", "Lucian");

        using var without = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/cases/{digits}/removal-check?to=MEX");
        using var with = await server.GetWithReasonAsync(server.AuditorToken, $"/api/cases/{digits}/removal-check?to=MEX", "OIG audit 2025-04, sample 12");

        await Json.ProblemAsync(without, HttpStatusCode.Forbidden);
        await Json.ReadAsync(with, HttpStatusCode.OK);
        var entries = await server.AccessLogForAsync(digits);
        Assert.Equal(2, entries.Count);
        AssertEntry(entries[0], "auditor-oig", "auditor", null, "removal-check", breakGlass: true, null, "refused");
        AssertEntry(entries[1], "auditor-oig", "auditor", null, "removal-check", breakGlass: true, "OIG audit 2025-04, sample 12", "allowed");
    }

    [Fact]
    public async Task Breaking_glass_never_allows_a_write()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{digits}/events")
        {
            Content = new StringContent(Bodies.AddressChange("1 Review Plaza"), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.OtherSupervisorToken);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        request.Headers.Add("X-Access-Reason", Reason);
        using var response = await server.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(1, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task A_break_glass_read_of_a_case_that_does_not_exist_is_a_404_and_logs_nothing()
    {
        var digits = server.NewANumber();

        using var response = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", Reason);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(await server.AccessLogForAsync(digits));
    }

    [Fact]
    public async Task A_very_long_reason_is_kept_to_its_first_1000_characters()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);
        var reason = "Review " + new string('x', 1500);

        using var response = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", reason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        Assert.Equal(reason[..1000], entry.Text("reason"));
    }

    private static void AssertEntry(JsonElement entry, string user, string role, string? office, string purpose, bool breakGlass, string? reason, string outcome)
    {
        Assert.Equal(user, entry.Text("userName"));
        Assert.Equal(role, entry.Text("role"));
        Assert.Equal(office, entry.GetProperty("office").GetString());
        Assert.Equal(purpose, entry.Text("purpose"));
        Assert.Equal(breakGlass, entry.GetProperty("breakGlass").GetBoolean());
        Assert.Equal(reason, entry.GetProperty("reason").GetString());
        Assert.Equal(outcome, entry.Text("outcome"));
        Assert.Equal(DocketServer.RecordedAtNow, entry.Text("at"));
    }
}

public sealed class SqliteBreakGlassTests(SqliteServer server) : BreakGlassTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresBreakGlassTests(PostgresServer server) : BreakGlassTests(server), IClassFixture<PostgresServer>;
