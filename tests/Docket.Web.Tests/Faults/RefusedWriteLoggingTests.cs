using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Faults;

/// <summary>
/// Writes refused by the caseload rules (an append or an access-code reissue on another
/// office's case) or by the role rules (an attorney filing what the court records) are in the
/// access log as refused, as refused reads are: an audit sees attempts on others' cases.
/// </summary>
public abstract class RefusedWriteLoggingTests(DocketServer server)
{
    [Fact]
    public async Task Bug_an_append_refused_on_another_offices_case_was_not_logged_and_is_logged_as_refused()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits);

        using (var response = await server.As(server.OtherOfficeToken).PostEventRawAsync(digits, Bodies.AddressChange("1 Elsewhere Road"), $"\"{opened.Version}\""))
        {
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        var entry = Assert.Single(await server.AccessLogForAsync(digits), e => e.Text("outcome") == "refused");
        Assert.Equal(("officer-lax", "officer", "LAX", "record-event"), (entry.Text("userName"), entry.Text("role"), entry.Text("office"), entry.Text("purpose")));
        Assert.Equal(opened.Version, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task Bug_an_access_code_reissue_refused_on_another_offices_case_was_not_logged_and_is_logged_as_refused()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);

        using (var response = await server.As(server.OtherOfficeToken).SendAsync(HttpMethod.Post, $"/api/cases/{digits}/access-code"))
        {
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        var entry = Assert.Single(await server.AccessLogForAsync(digits), e => e.Text("outcome") == "refused");
        Assert.Equal(("officer-lax", "access-code-reissued"), (entry.Text("userName"), entry.Text("purpose")));
    }

    [Fact]
    public async Task An_attorney_filing_what_the_court_records_is_refused_and_logged_as_refused()
    {
        var digits = server.NewANumber();
        var (_, version) = await server.OpenRepresentedCaseAsync(digits);

        using (var response = await server.As(server.AttorneyToken).PostEventRawAsync(digits, AccessBodies.JudgeDecided(), $"\"{version}\""))
        {
            await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        }

        var entry = Assert.Single(await server.AccessLogForAsync(digits), e => e.Text("outcome") == "refused");
        Assert.Equal(("attorney-of-record", "record-event"), (entry.Text("userName"), entry.Text("purpose")));
    }

    [Fact]
    public async Task An_unknown_case_written_to_leaves_no_entry_so_the_log_does_not_reveal_which_cases_exist()
    {
        var digits = server.NewANumber();

        using (var response = await server.As(server.OtherOfficeToken).PostEventRawAsync(digits, Bodies.AddressChange("1 Elsewhere Road"), "\"1\""))
        {
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Empty(await server.AccessLogForAsync(digits));
    }
}

public sealed class RefusedWriteLoggingOnSqlite(SqliteServer server) : RefusedWriteLoggingTests(server), IClassFixture<SqliteServer>;

public sealed class RefusedWriteLoggingOnPostgres(PostgresServer server) : RefusedWriteLoggingTests(server), IClassFixture<PostgresServer>;
