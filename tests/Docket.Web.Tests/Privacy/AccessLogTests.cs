using System.Data.Common;
using System.Net;
using System.Text.Json;
using Docket.Store;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Privacy;

/// <summary>
/// The access log: every read of a case appends exactly one entry (who, role, office, when,
/// which case, why) before the data goes out; refused attempts are logged as refused; writes,
/// bad requests and unknown cases are not reads; and the database refuses to change or delete
/// an entry.
/// </summary>
public abstract class AccessLogTests(DocketServer server)
{
    private const string Birth = "1992-12-05";

    public static TheoryData<string> Reads => ["case", "deadlines", "removal-check", "search-by-a-number", "search-by-name", "caseload-hearings", "attorney-case", "supervisor-case", "self-service"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_read_appends_exactly_one_entry_naming_who_read_what_and_why(string read)
    {
        var digits = server.NewANumber();
        var familyName = "Log-" + digits;
        var (opened, version) = await server.OpenRepresentedCaseAsync(digits, familyName, dateOfBirth: Birth);
        if (read == "caseload-hearings")
        {
            // A hearing on a day no other case of this class has, so the caseload page holds this case alone.
            await server.AsOfficer.AppendAsync(digits, await server.AsOfficer.ServeNoticeAsync(digits, version), AccessBodies.HearingScheduled("2025-07-15"));
        }

        string? session = read == "self-service" ? await server.SignInAsync(digits, opened.AccessCode, Birth) : null;
        Assert.Empty(await server.AccessLogForAsync(digits));

        var (token, path, user, role, office, purpose) = read switch
        {
            "case" => (server.OfficerToken, $"/api/cases/{digits}", DocketServer.Officer, "officer", "NYC", "case"),
            "deadlines" => (server.OfficerToken, $"/api/cases/{digits}/deadlines", DocketServer.Officer, "officer", "NYC", "deadlines"),
            "removal-check" => (server.OfficerToken, $"/api/cases/{digits}/removal-check?to=MEX", DocketServer.Officer, "officer", "NYC", "removal-check"),
            "search-by-a-number" => (server.OfficerToken, $"/api/cases?aNumber=A{digits}", DocketServer.Officer, "officer", "NYC", "search"),
            "search-by-name" => (server.OfficerToken, $"/api/cases?familyName={familyName}&dateOfBirth={Birth}", DocketServer.Officer, "officer", "NYC", "search"),
            "caseload-hearings" => (server.OfficerToken, "/api/caseload/hearings?from=2025-07-15&to=2025-07-15", DocketServer.Officer, "officer", "NYC", "caseload-hearings"),
            "attorney-case" => (server.AttorneyToken, $"/api/cases/{digits}", "attorney-of-record", "attorney", (string?)null, "case"),
            "supervisor-case" => (server.SupervisorToken, $"/api/cases/{digits}", "supervisor-nyc", "supervisor", "NYC", "case"),
            "self-service" => (session!, "/api/self-service/case", "self-service", "self-service", null, "self-service"),
            _ => throw new ArgumentOutOfRangeException(nameof(read)),
        };

        using var response = await server.As(token).SendAsync(HttpMethod.Get, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        Assert.Equal(user, entry.Text("userName"));
        Assert.Equal(role, entry.Text("role"));
        Assert.Equal(office, entry.GetProperty("office").GetString());
        Assert.Equal(digits, entry.Text("aNumber"));
        Assert.Equal(purpose, entry.Text("purpose"));
        Assert.Equal(DocketServer.RecordedAtNow, entry.Text("at"));
        Assert.False(entry.GetProperty("breakGlass").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("reason").ValueKind);
        Assert.Equal("allowed", entry.Text("outcome"));
    }

    [Fact]
    public async Task A_refused_read_is_logged_once_as_refused()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);

        using var response = await server.As(server.OtherOfficeToken).GetRawAsync(digits);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        var entry = Assert.Single(await server.AccessLogForAsync(digits));
        Assert.Equal(("officer-lax", "officer", "LAX", "case", "refused", false), (entry.Text("userName"), entry.Text("role"), entry.Text("office"), entry.Text("purpose"), entry.Text("outcome"), entry.GetProperty("breakGlass").GetBoolean()));
        var refused = await server.AccessLogAsync("outcome=refused&user=officer-lax");
        Assert.Contains(refused, e => e.Text("aNumber") == digits);
        Assert.All(refused, e => Assert.Equal("refused", e.Text("outcome")));
    }

    [Fact]
    public async Task Writes_bad_requests_unknown_cases_and_empty_searches_are_not_reads()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits);
        var officer = server.AsOfficer;

        await officer.AppendAsync(digits, opened.Version, Bodies.AddressChange("2 Quiet Lane"));
        (await officer.SendAsync(HttpMethod.Get, $"/api/cases/{digits}/deadlines?on=2025-02-30")).Dispose();
        (await officer.SendAsync(HttpMethod.Get, $"/api/cases/{digits}/removal-check?to=ZZZ")).Dispose();
        (await officer.SendAsync(HttpMethod.Get, "/api/cases?familyName=Nobody-Here&dateOfBirth=1901-01-01")).Dispose();
        var unknown = server.NewANumber();
        (await officer.GetRawAsync(unknown)).Dispose();
        (await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access?aNumber={digits}")).Dispose();

        Assert.Empty(await server.AccessLogForAsync(digits));
        Assert.Empty(await server.AccessLogForAsync(unknown));
    }

    [Fact]
    public async Task Concurrent_reads_each_leave_their_own_entry()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => server.AsOfficer.GetRawAsync(digits)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var entries = await server.AccessLogForAsync(digits);
        Assert.Equal(24, entries.Count);
        Assert.Equal(24, entries.Select(e => e.GetProperty("id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_access_log_entry()
    {
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits);
        (await server.AsOfficer.GetRawAsync(digits)).Dispose();
        var before = Assert.Single(await server.AccessLogForAsync(digits));

        var statements = new List<string>
        {
            $"UPDATE access_log SET purpose = 'nothing to see' WHERE a_number = '{digits}'",
            $"UPDATE access_log SET user_name = 'someone-else' WHERE a_number = '{digits}'",
            $"DELETE FROM access_log WHERE a_number = '{digits}'",
        };
        if (server.Kind == DatabaseKind.Postgres)
        {
            statements.Add("TRUNCATE access_log");
        }

        var database = new DocketDatabase(server.Target);
        foreach (var sql in statements)
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
            // TRUNCATE now meets the break-glass reviews' foreign key before the append-only trigger: refused either way.
            Assert.True(refused.Message.Contains("append-only", StringComparison.OrdinalIgnoreCase)
                || (sql.StartsWith("TRUNCATE", StringComparison.Ordinal) && refused.Message.Contains("foreign key", StringComparison.OrdinalIgnoreCase)), refused.Message);
        }

        var after = Assert.Single(await server.AccessLogForAsync(digits));
        Assert.Equal(before.ToString(), after.ToString());
    }
}

public sealed class SqliteAccessLogTests(SqliteServer server) : AccessLogTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAccessLogTests(PostgresServer server) : AccessLogTests(server), IClassFixture<PostgresServer>;
