using System.Net;
using System.Text.Json;
using Docket.Store.Access;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.SelfService;

/// <summary>
/// What the person can do with their session: see their own case (and nothing else), see who
/// read their file, report their departure; and the officer can replace their access code.
/// (This class signs in 6 times: sign-in is limited to 10 a minute from one address.)
/// </summary>
public abstract class SelfServiceSessionTests(DocketServer server)
{
    private const string Birth = "1983-08-09";

    [Fact]
    public async Task A_session_for_one_case_reads_only_that_case()
    {
        var mine = server.NewANumber();
        var opened = await server.OpenCaseAsync(mine, "Abernathy-Sato", "Clement", Birth);
        var other = server.NewANumber();
        await server.OpenCaseAsync(other, "Vukovic-Mensah", "Adaeze", Birth);
        var person = server.As(await server.SignInAsync(mine, opened.AccessCode, Birth));

        using var own = await person.SendAsync(HttpMethod.Get, "/api/self-service/case");
        var view = await Json.ReadAsync(own, HttpStatusCode.OK);
        Assert.Equal(mine, view.Text("aNumber"));

        // The case API is for users: a session reaches no case through it, not even its own.
        foreach (var path in new[] { $"/api/cases/{other}", $"/api/cases/{mine}", $"/api/cases/{other}/deadlines", $"/api/cases?aNumber={other}", "/api/caseload/hearings" })
        {
            using var response = await person.SendAsync(HttpMethod.Get, path);
            await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.DoesNotContain("Vukovic", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var write = await person.PostEventRawAsync(other, Bodies.AddressChange("1 Not Mine Street"), "\"1\"");
        await Json.ProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Equal(1, await server.StoredVersionAsync(other));
    }

    [Fact]
    public async Task The_person_sees_who_read_their_file_by_role_office_date_and_purpose_without_names()
    {
        var digits = server.NewANumber();
        var (opened, _) = await server.OpenRepresentedCaseAsync(digits, "Castellanos-Wirth", "Benedikt", Birth);

        (await server.AsOfficer.GetRawAsync(digits)).Dispose();
        (await server.AsOfficer.SendAsync(HttpMethod.Get, $"/api/cases/{digits}/deadlines")).Dispose();
        (await server.As(server.AttorneyToken).GetRawAsync(digits)).Dispose();
        using (var breakGlass = await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", "Quarterly review of NYC case handling"))
        {
            Assert.Equal(HttpStatusCode.OK, breakGlass.StatusCode);
        }

        // Refused attempts are in the auditors' log, not in the person's list.
        (await server.As(server.OtherAttorneyToken).GetRawAsync(digits)).Dispose();
        (await server.As(server.OtherOfficeToken).GetRawAsync(digits)).Dispose();

        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, Birth));
        (await person.SendAsync(HttpMethod.Get, "/api/self-service/case")).Dispose();
        using var response = await person.SendAsync(HttpMethod.Get, "/api/self-service/access");

        var text = await response.Content.ReadAsStringAsync();
        var reads = (await Json.ReadAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(
            [
                ("officer", "NYC", DocketServer.Today, "case", false),
                ("officer", "NYC", DocketServer.Today, "deadlines", false),
                ("attorney", null, DocketServer.Today, "case", false),
                ("supervisor", "LAX", DocketServer.Today, "Quarterly review of NYC case handling", true),
            ],
            reads.Select(r => (r.Text("role"), r.GetProperty("office").GetString(), r.Text("date"), r.Text("purpose"), r.GetProperty("breakGlass").GetBoolean())).ToList());
        Assert.All(reads, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("readerName").ValueKind));
        foreach (var name in new[] { DocketServer.Officer, "supervisor-lax", "attorney-of-record", "attorney-unrelated", "officer-lax", DocketServer.AttorneyBarNumber })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_list_of_reads_is_complete_however_often_the_file_was_read()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Grunewald-Osei", "Hannelore", Birth);
        // A file that has been on many caseload pages: 1500 earlier reads, then today's.
        var accessLog = server.App.Services.GetRequiredService<AccessLog>();
        await Task.WhenAll(Enumerable.Range(0, 1500).Select(_ => accessLog.RecordAsync(new AccessLogRow
        {
            At = "", UserName = "officer-earlier", Role = "officer", Office = "NYC", ANumber = digits, Purpose = "caseload-hearings", Outcome = "allowed",
        })));
        (await server.As(server.SupervisorToken).GetRawAsync(digits)).Dispose();

        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, Birth));
        using var response = await person.SendAsync(HttpMethod.Get, "/api/self-service/access");

        var reads = (await Json.ReadAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(1501, reads.Count);
        Assert.Equal(("supervisor", "case"), (reads[^1].Text("role"), reads[^1].Text("purpose")));
    }

    [Fact]
    public async Task A_departure_report_is_recorded_as_a_self_report_by_self_service()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Ibarra-Holmgren", "Soledad", Birth);
        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, Birth));

        // The person cannot say the report came from anywhere else, nor record another event type.
        using (var claimed = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", JsonSerializer.Serialize(new { destinationCountry = "CAN", on = DocketServer.Today, source = "exit-record" })))
        {
            await Json.ProblemAsync(claimed, HttpStatusCode.BadRequest);
        }

        using (var typed = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", JsonSerializer.Serialize(new { type = "CaseClosed", on = DocketServer.Today, reason = "departed" })))
        {
            await Json.ProblemAsync(typed, HttpStatusCode.BadRequest);
        }

        Assert.Equal(1, await server.StoredVersionAsync(digits));

        using var reported = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", AccessBodies.Departure("CAN", port: "Peace Bridge"));
        var created = await Json.ReadAsync(reported, HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("version").GetInt32());

        var last = (await server.AsOfficer.GetAsync(digits)).Events[^1];
        Assert.Equal("DepartureReported", last.Text("type"));
        Assert.Equal(DocketServer.Today, last.Text("on"));
        Assert.Equal("self-service", last.Text("recordedBy"));
        var fields = last.GetProperty("fields");
        Assert.Equal("self-report", fields.Text("source"));
        Assert.Equal("CAN", fields.Text("destinationCountry"));
        Assert.Equal("Peace Bridge", fields.Text("port"));
    }

    [Fact]
    public async Task An_officer_reissues_the_access_code_and_the_old_one_stops_working()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Nakashima-Ortiz", "Rafaela", Birth);

        using var reissue = await server.AsOfficer.SendAsync(HttpMethod.Post, $"/api/cases/{digits}/access-code");
        var issued = await Json.ReadAsync(reissue, HttpStatusCode.Created);
        Assert.Equal(digits, issued.Text("aNumber"));
        var fresh = issued.Text("accessCode");
        Assert.NotEqual(opened.AccessCode, fresh);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", fresh);

        using var old = await server.SignInRawAsync(digits, opened.AccessCode, Birth);
        var problem = await Json.ProblemAsync(old, HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in failed", problem.Text("title"));
        await server.SignInAsync(digits, fresh, Birth);

        // The reissue is itself in the access log, under the officer's name.
        var entries = await server.AccessLogForAsync(digits);
        var entry = Assert.Single(entries);
        Assert.Equal((DocketServer.Officer, "access-code-reissued", "allowed"), (entry.Text("userName"), entry.Text("purpose"), entry.Text("outcome")));
    }
}

public sealed class SqliteSelfServiceSessionTests(SqliteServer server) : SelfServiceSessionTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSelfServiceSessionTests(PostgresServer server) : SelfServiceSessionTests(server), IClassFixture<PostgresServer>;
