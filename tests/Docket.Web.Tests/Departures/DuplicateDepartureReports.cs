using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Departures;

/// <summary>
/// The same departure (its date and destination) is one departure whoever reports it: a second
/// report from another source is refused while the first waits or once it is verified, and is
/// taken again only after the first was rejected.
/// </summary>
public abstract class DuplicateDepartureReports(DocketServer server)
{
    private const string Birth = "1986-10-03";

    private const string ExitRecord = """{"type":"DepartureReported","on":"2025-05-28","destinationCountry":"CAN","source":"exit-record","mode":"land"}""";

    private async Task<(string Digits, CaseApi Person)> SelfReportedAsync()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Villiers-Okafor", "Rosalind", Birth);
        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, Birth));
        using var reported = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", AccessBodies.Departure("CAN", "2025-05-28"));
        await Json.ReadAsync(reported, HttpStatusCode.Created);
        return (digits, person);
    }

    [Fact]
    public async Task An_exit_record_of_a_departure_the_person_reported_is_refused_as_already_reported()
    {
        var (digits, _) = await SelfReportedAsync();

        using var again = await server.AsOfficer.PostEventRawAsync(digits, ExitRecord, "\"2\"");

        var problem = await Json.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Contains("already reported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task The_person_reporting_a_departure_an_exit_record_already_gave_is_refused_and_nothing_is_written()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Villiers-Okafor", "Rosalind", Birth);
        await server.AsOfficer.AppendAsync(digits, opened.Version, ExitRecord);
        var person = server.As(await server.SignInAsync(digits, opened.AccessCode, Birth));

        using var again = await person.SendAsync(HttpMethod.Post, "/api/self-service/departure", AccessBodies.Departure("CAN", "2025-05-28"));

        Assert.True((int)again.StatusCode is >= 400 and < 500, $"a second report of the same departure was answered {(int)again.StatusCode}");
        Assert.Equal(2, await server.StoredVersionAsync(digits));
    }

    [Fact]
    public async Task A_departure_reported_again_once_verified_is_not_recorded_and_the_case_keeps_its_one_departure()
    {
        var (digits, _) = await SelfReportedAsync();
        await server.AsOfficer.AppendAsync(digits, 2, $$"""{"type":"DepartureVerified","on":"{{DocketServer.Today}}"}""");

        using var again = await server.AsOfficer.PostEventRawAsync(digits, ExitRecord, "\"3\"");

        Assert.True((int)again.StatusCode is 400 or 422, $"a report of a verified departure was answered {(int)again.StatusCode}");
        Assert.Equal(3, await server.StoredVersionAsync(digits));
        Assert.Equal("2025-05-28", (await server.AsOfficer.GetAsync(digits)).Body.GetProperty("departure").GetProperty("on").GetString());
    }

    [Fact]
    public async Task After_the_persons_report_was_rejected_an_exit_record_of_the_same_departure_is_taken_and_waits()
    {
        var (digits, _) = await SelfReportedAsync();
        await server.AsOfficer.AppendAsync(digits, 2, $$"""{"type":"DepartureRejected","on":"{{DocketServer.Today}}","reason":"no evidence was sent"}""");

        var version = await server.AsOfficer.AppendAsync(digits, 3, ExitRecord);

        Assert.Equal(4, version);
        using var queue = await server.AsOfficer.SendAsync(HttpMethod.Get, "/api/departures/pending");
        var waiting = Assert.Single((await Json.ReadAsync(queue, HttpStatusCode.OK)).EnumerateArray(), e => e.GetProperty("aNumber").GetString() == digits);
        Assert.Equal("exit-record", waiting.GetProperty("source").GetString());
    }
}

public sealed class DuplicateDepartureReportsOnSqlite(SqliteServer server) : DuplicateDepartureReports(server), IClassFixture<SqliteServer>;

public sealed class DuplicateDepartureReportsOnPostgres(PostgresServer server) : DuplicateDepartureReports(server), IClassFixture<PostgresServer>;
