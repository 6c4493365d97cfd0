using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Departures;

/// <summary>GET /api/cases/{aNumber} shows a verified departure with its DEPART-SELF-REMOVAL kind (each of the three) and VD-OVERSTAY.</summary>
public abstract class VerifiedDepartureOnTheCase(DocketServer server)
{
    [Fact]
    public async Task A_verified_departure_under_a_final_order_is_shown_as_a_self_removal()
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;
        version = await api.AppendAsync(digits, version, AccessBodies.NoticeToAppearServed());
        version = await api.AppendAsync(digits, version, """{"type":"JudgeDecided","on":"2025-05-20","outcome":"removal-ordered","removalCountry":"GTM","alternateCountries":[],"protectedCountries":[],"appeal":"waived","inAbsentia":false}""");
        var unverified = await api.GetAsync(digits);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unverified.Body.GetProperty("departure").ValueKind);

        version = await api.AppendAsync(digits, version, """{"type":"DepartureReported","on":"2025-05-28","destinationCountry":"GTM","source":"exit-record","mode":"air"}""");
        await api.AppendAsync(digits, version, $$"""{"type":"DepartureVerified","on":"{{DocketServer.Today}}"}""");

        var read = await api.GetAsync(digits);
        var departure = read.Body.GetProperty("departure");
        Assert.Equal("2025-05-28", departure.GetProperty("on").GetString());
        Assert.Equal("GTM", departure.GetProperty("destinationCountry").GetString());
        Assert.Equal("self-removal", departure.GetProperty("kind").GetString());
        Assert.False(departure.GetProperty("overstay").GetBoolean());
        Assert.Equal("departed", read.Body.GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("2025-06-28", "timely-voluntary-departure", false)]
    [InlineData("2025-05-16", "self-removal", true)]
    public async Task A_departure_under_voluntary_departure_is_timely_inside_the_period_and_after_it_a_self_removal_and_an_overstay(string departBy, string kind, bool overstay)
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;
        version = await api.AppendAsync(digits, version, AccessBodies.NoticeToAppearServed("2025-01-07"));
        version = await api.AppendAsync(digits, version, AccessBodies.HearingScheduled("2025-03-03", on: "2025-02-04"));
        version = await api.AppendAsync(digits, version, $$"""{"type":"JudgeDecided","on":"2025-03-03","outcome":"voluntary-departure-granted","relief":"voluntary-departure","removalCountry":"MEX","alternateCountries":[],"protectedCountries":[],"departBy":"{{departBy}}","appeal":"waived","inAbsentia":false}""");
        version = await api.AppendAsync(digits, version, """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"MEX","source":"carrier-manifest","mode":"air"}""");

        using var verified = await api.SendAsync(HttpMethod.Post, $"/api/departures/{digits}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":true}""", $"\"{version}\"");

        await Json.ReadAsync(verified, HttpStatusCode.Created);
        var read = await api.GetAsync(digits);
        var departure = read.Body.GetProperty("departure");
        Assert.Equal(kind, departure.GetProperty("kind").GetString());
        Assert.Equal(overstay, departure.GetProperty("overstay").GetBoolean());
        Assert.Equal("closed", read.Body.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Verifying_with_closeCase_records_the_verification_and_the_closing_together()
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;
        version = await api.AppendAsync(digits, version, """{"type":"DepartureReported","on":"2025-05-28","destinationCountry":"CAN","source":"self-report","mode":"land","evidence":"passport-stamp"}""");

        using var verified = await api.SendAsync(HttpMethod.Post, $"/api/departures/{digits}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":true}""", $"\"{version}\"");

        var body = await Json.ReadAsync(verified, HttpStatusCode.Created);
        Assert.Equal(version + 2, body.GetProperty("version").GetInt32());
        var read = await api.GetAsync(digits);
        Assert.Equal(["DepartureVerified", "CaseClosed"], read.Events.TakeLast(2).Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("departed", read.Events[^1].GetProperty("fields").GetProperty("reason").GetString());
        Assert.Equal("departure-without-order", read.Body.GetProperty("departure").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_verification_that_cannot_be_recorded_writes_neither_event()
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;

        using var refused = await api.SendAsync(HttpMethod.Post, $"/api/departures/{digits}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":true}""", $"\"{version}\"");

        await Json.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(version, (await api.GetAsync(digits)).Version);
    }

    [Fact]
    public async Task The_same_departure_reported_twice_is_refused_the_second_time()
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;
        const string Report = """{"type":"DepartureReported","on":"2025-05-28","destinationCountry":"CAN","source":"exit-record"}""";
        version = await api.AppendAsync(digits, version, Report);

        using var again = await api.PostEventRawAsync(digits, Report, $"\"{version}\"");

        var problem = await Json.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("already reported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(version, (await api.GetAsync(digits)).Version);
    }
}

public sealed class VerifiedDepartureOnSqlite(SqliteServer server) : VerifiedDepartureOnTheCase(server), IClassFixture<SqliteServer>;

public sealed class VerifiedDepartureOnPostgres(PostgresServer server) : VerifiedDepartureOnTheCase(server), IClassFixture<PostgresServer>;
