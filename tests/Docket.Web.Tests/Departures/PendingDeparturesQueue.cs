using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Departures;

/// <summary>GET /api/departures/pending: reports awaiting verification in the caller's caseload, oldest first, from each source.</summary>
public abstract class PendingDeparturesQueue(DocketServer server)
{
    private static async Task<IReadOnlyList<JsonElement>> QueueAsync(CaseApi api)
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/api/departures/pending");
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        return [.. body.EnumerateArray()];
    }

    [Fact]
    public async Task A_report_waits_in_the_queue_until_verified_or_rejected_and_only_in_its_own_office()
    {
        var api = server.AsOfficer;
        var verified = server.NewANumber();
        var rejected = server.NewANumber();
        var v1 = await api.AppendAsync(verified, (await api.OpenAsync(verified)).Version,
            """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"CAN","source":"exit-record","mode":"land","evidence":"exit-record"}""");
        var r1 = await api.AppendAsync(rejected, (await api.OpenAsync(rejected)).Version,
            """{"type":"DepartureReported","on":"2025-05-10","destinationCountry":"MEX","source":"carrier-manifest"}""");

        var queue = await QueueAsync(api);
        var mine = queue.Where(e => e.GetProperty("aNumber").GetString() is var a && (a == verified || a == rejected)).ToList();
        Assert.Equal([rejected, verified], mine.Select(e => e.GetProperty("aNumber").GetString()));
        var first = mine[1];
        Assert.Equal("2025-05-20", first.GetProperty("on").GetString());
        Assert.Equal("CAN", first.GetProperty("destinationCountry").GetString());
        Assert.Equal("exit-record", first.GetProperty("source").GetString());
        Assert.Equal("land", first.GetProperty("mode").GetString());
        Assert.Equal(v1, first.GetProperty("version").GetInt32());
        Assert.DoesNotContain(await QueueAsync(server.As(server.OtherOfficeToken)), e => e.GetProperty("aNumber").GetString() == verified);

        await api.AppendAsync(verified, v1, $$"""{"type":"DepartureVerified","on":"{{DocketServer.Today}}"}""");
        await api.AppendAsync(rejected, r1, $$"""{"type":"DepartureRejected","on":"{{DocketServer.Today}}","reason":"no matching exit record"}""");

        Assert.DoesNotContain(await QueueAsync(api), e => e.GetProperty("aNumber").GetString() is var a && (a == verified || a == rejected));
    }

    [Fact]
    public async Task The_persons_own_report_waits_in_the_queue_as_a_self_report_with_its_mode_and_evidence()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Oyelaran-Quist", "Tamsin", "1991-02-14");
        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, "1991-02-14"));
        using var reported = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", """{"destinationCountry":"CAN","on":"2025-05-30","mode":"land","evidence":"passport-stamp"}""");
        await Json.ReadAsync(reported, HttpStatusCode.Created);

        var mine = Assert.Single(await QueueAsync(server.AsOfficer), e => e.GetProperty("aNumber").GetString() == digits);

        Assert.Equal(("self-report", "land", "passport-stamp"), (mine.GetProperty("source").GetString(), mine.GetProperty("mode").GetString(), mine.GetProperty("evidence").GetString()));
        Assert.Equal(("2025-05-30", "CAN", 2), (mine.GetProperty("on").GetString(), mine.GetProperty("destinationCountry").GetString(), mine.GetProperty("version").GetInt32()));
    }
}

public sealed class PendingDeparturesOnSqlite(SqliteServer server) : PendingDeparturesQueue(server), IClassFixture<SqliteServer>;

public sealed class PendingDeparturesOnPostgres(PostgresServer server) : PendingDeparturesQueue(server), IClassFixture<PostgresServer>;
