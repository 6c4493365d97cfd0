using System.Net;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Departures;

/// <summary>
/// DepartureRejected through POST /api/cases/{aNumber}/events: only with a reason; afterwards the
/// case has no departure, keeps its stage, and the report leaves the queue.
/// </summary>
public abstract class RejectedDepartureReports(DocketServer server)
{
    [Fact]
    public async Task A_rejection_needs_a_reason_and_leaves_the_case_as_it_was_without_a_departure()
    {
        var digits = server.NewANumber();
        var api = server.AsOfficer;
        var version = (await api.OpenAsync(digits)).Version;
        version = await api.ServeNoticeAsync(digits, version);
        version = await api.AppendAsync(digits, version, """{"type":"DepartureReported","on":"2025-05-21","destinationCountry":"HND","source":"carrier-manifest","mode":"sea"}""");

        using var withoutReason = await api.PostEventRawAsync(digits, $$"""{"type":"DepartureRejected","on":"{{DocketServer.Today}}"}""", $"\"{version}\"");
        await Json.ProblemAsync(withoutReason, HttpStatusCode.BadRequest);
        using var blankReason = await api.PostEventRawAsync(digits, $$"""{"type":"DepartureRejected","on":"{{DocketServer.Today}}","reason":"  "}""", $"\"{version}\"");
        await Json.ProblemAsync(blankReason, HttpStatusCode.BadRequest);
        Assert.Equal(version, await server.StoredVersionAsync(digits));

        await api.AppendAsync(digits, version, $$"""{"type":"DepartureRejected","on":"{{DocketServer.Today}}","reason":"The manifest is of another sailing"}""");

        var read = await api.GetAsync(digits);
        Assert.Equal(JsonValueKind.Null, read.Body.GetProperty("departure").ValueKind);
        Assert.Equal("in-proceedings", read.Body.GetProperty("stage").GetString());
        Assert.Equal("The manifest is of another sailing", read.Events[^1].GetProperty("fields").GetProperty("reason").GetString());
        using var queue = await api.SendAsync(HttpMethod.Get, "/api/departures/pending");
        Assert.DoesNotContain((await Json.ReadAsync(queue, HttpStatusCode.OK)).EnumerateArray(), e => e.GetProperty("aNumber").GetString() == digits);

        // Nothing is left to verify.
        using var verify = await api.SendAsync(HttpMethod.Post, $"/api/departures/{digits}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":true}""", $"\"{version + 1}\"");
        await Json.ProblemAsync(verify, HttpStatusCode.BadRequest);
    }
}

public sealed class RejectedDepartureReportsOnSqlite(SqliteServer server) : RejectedDepartureReports(server), IClassFixture<SqliteServer>;

public sealed class RejectedDepartureReportsOnPostgres(PostgresServer server) : RejectedDepartureReports(server), IClassFixture<PostgresServer>;
