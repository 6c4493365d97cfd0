using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.SelfService;

/// <summary>POST /api/self-service/address: the person records a new address of record (ADDRESS-CHANGE).</summary>
public abstract class AddressChangeTests(DocketServer server)
{
    private const string Birth = "1988-07-14";

    [Fact]
    public async Task The_person_records_a_new_address_dated_today_and_is_reminded_of_the_5_and_10_days()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Adebayo-Lindqvist", dateOfBirth: Birth);
        var session = await server.SignInAsync(digits, opened.AccessCode, Birth);

        using var response = await server.As(session).SendAsync(HttpMethod.Post, "/api/self-service/address", """{"address":"18 Larkspur Court, Apt 2\nYonkers NY"}""");

        var receipt = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal($"{digits}-2", receipt.GetProperty("reference").GetString());
        Assert.Equal("ADDRESS-CHANGE", receipt.GetProperty("rule").GetString());
        var reminder = receipt.GetProperty("reminder").GetString()!;
        Assert.Contains("5 working days", reminder, StringComparison.Ordinal);
        Assert.Contains("10 days", reminder, StringComparison.Ordinal);

        var read = await server.AsOfficer.GetAsync(digits);
        var change = read.Events[^1];
        Assert.Equal("MailingAddressChanged", change.GetProperty("type").GetString());
        Assert.Equal(DocketServer.Today, change.GetProperty("on").GetString());
        Assert.Equal("self-service", change.GetProperty("recordedBy").GetString());
        Assert.Equal("18 Larkspur Court, Apt 2\nYonkers NY", change.GetProperty("fields").GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("""{"address":"1 Main St","on":"2025-01-01"}""")]
    [InlineData("""{"address":"1 Main St","type":"AttorneyWithdrew"}""")]
    [InlineData("""{"address":""}""")]
    [InlineData("""{"address":"1 Main St","address":"2 Main St"}""")]
    [InlineData("""{}""")]
    public async Task A_body_that_is_not_just_an_address_is_a_400_and_writes_nothing(string body)
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Adebayo-Lindqvist", dateOfBirth: Birth);
        var session = await server.SignInAsync(digits, opened.AccessCode, Birth);

        using var response = await server.As(session).SendAsync(HttpMethod.Post, "/api/self-service/address", body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(1, (await server.AsOfficer.GetAsync(digits)).Version);
    }
}

public sealed class SqliteAddressChangeTests(SqliteServer server) : AddressChangeTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAddressChangeTests(PostgresServer server) : AddressChangeTests(server), IClassFixture<PostgresServer>;
