using System.Net;
using System.Text.RegularExpressions;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>
/// The happy path over real HTTP: open a case, read it, record events with If-Match. Runs on
/// SQLite and on PostgreSQL.
/// </summary>
public abstract partial class CaseLifecycleTests(DocketServer server)
{
    private const string ZeroHash = "0000000000000000000000000000000000000000000000000000000000000000";

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex LowercaseHexHash();

    private CaseApi Api => server.AsOfficer;

    /// <summary>"212000007" written as a person might: "A 212-000-007".</summary>
    private static string Written(string digits) => $"A {digits[..3]}-{digits[3..6]}-{digits[6..]}";

    [Fact]
    public async Task Opening_a_case_answers_201_with_the_normalised_A_number_version_1_an_access_code_and_where_to_read_it()
    {
        var digits = server.NewANumber();

        using var response = await Api.OpenRawAsync(Bodies.Opening(Written(digits)));

        var body = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(digits, body.GetProperty("aNumber").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("accessCode").GetString()), "the person's access code is shown once, on opening");
        Assert.Equal($"/api/cases/{digits}", response.Headers.Location?.OriginalString);

        var read = await Api.GetAsync(response.Headers.Location!.OriginalString["/api/cases/".Length..]);
        Assert.Equal(digits, read.Body.GetProperty("aNumber").GetString());
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Opening_a_case_that_exists_is_a_409_problem_and_writes_nothing()
    {
        var digits = server.NewANumber();
        await Api.OpenAsync(digits);

        // The same A-number in another spelling is the same case.
        using var again = await Api.OpenRawAsync(Bodies.Opening(Written(digits), familyName: "Someone-Else"));

        await Json.ProblemAsync(again, HttpStatusCode.Conflict);
        var read = await Api.GetAsync(digits);
        Assert.Equal(1, read.Version);
        var opening = Assert.Single(read.Events);
        Assert.Equal("Quillfeather", opening.GetProperty("fields").GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task Reading_a_case_shows_identity_stage_version_as_ETag_and_every_event_with_its_log_fields()
    {
        var digits = server.NewANumber();
        await Api.OpenAsync(digits, familyName: "Oyelaran-Voss", givenNames: "Tamsin");
        await Api.AppendAsync(digits, 1, Bodies.AddressChange("14 Wicklow Row, Apt 3, Springfield"));

        var read = await Api.GetAsync(digits);

        var body = read.Body;
        Assert.Equal("\"2\"", read.ETag);
        Assert.Equal(digits, body.GetProperty("aNumber").GetString());
        var person = body.GetProperty("person");
        Assert.Equal("Oyelaran-Voss", person.GetProperty("familyName").GetString());
        Assert.Equal("Tamsin", person.GetProperty("givenNames").GetString());
        Assert.Equal("1990-01-02", person.GetProperty("dateOfBirth").GetString());
        Assert.Equal("GTM", person.GetProperty("citizenship").GetString());
        Assert.Equal("NYC", body.GetProperty("office").GetString());
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal("pre-proceedings", body.GetProperty("stage").GetString());
        Assert.Equal(2, read.Version);

        Assert.Collection(
            read.Events,
            opened =>
            {
                Assert.Equal(1, opened.GetProperty("version").GetInt32());
                Assert.Equal("CaseOpened", opened.GetProperty("type").GetString());
                Assert.Equal(DocketServer.Today, opened.GetProperty("on").GetString());
                Assert.Equal(DocketServer.RecordedAtNow, opened.GetProperty("recordedAt").GetString());
                Assert.Equal(DocketServer.Officer, opened.GetProperty("recordedBy").GetString());
                var fields = opened.GetProperty("fields");
                Assert.Equal(digits, fields.GetProperty("aNumber").GetString());
                Assert.Equal("Oyelaran-Voss", fields.GetProperty("familyName").GetString());
                Assert.Equal("NYC", fields.GetProperty("office").GetString());
                Assert.Equal(ZeroHash, opened.GetProperty("prevHash").GetString());
                Assert.Matches(LowercaseHexHash(), opened.GetProperty("hash").GetString());
            },
            moved =>
            {
                Assert.Equal(2, moved.GetProperty("version").GetInt32());
                Assert.Equal("MailingAddressChanged", moved.GetProperty("type").GetString());
                Assert.Equal(DocketServer.Today, moved.GetProperty("on").GetString());
                Assert.Equal(DocketServer.RecordedAtNow, moved.GetProperty("recordedAt").GetString());
                Assert.Equal(DocketServer.Officer, moved.GetProperty("recordedBy").GetString());
                Assert.Equal("14 Wicklow Row, Apt 3, Springfield", moved.GetProperty("fields").GetProperty("address").GetString());
                Assert.Matches(LowercaseHexHash(), moved.GetProperty("hash").GetString());
            });

        var (first, second) = (read.Events[0], read.Events[1]);
        Assert.Equal(first.GetProperty("hash").GetString(), second.GetProperty("prevHash").GetString());
        Assert.True(second.GetProperty("position").GetInt64() > first.GetProperty("position").GetInt64(), "positions follow commit order");
        Assert.NotEqual(first.GetProperty("hash").GetString(), second.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Recording_an_event_with_the_version_read_answers_201_with_the_next_version_and_moves_the_ETag()
    {
        var digits = server.NewANumber();
        await Api.OpenAsync(digits);
        var before = await Api.GetAsync(digits);

        using var response = await Api.PostEventRawAsync(digits, Bodies.AddressChange("2 Tarn Lane, Springfield"), before.ETag);

        var body = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        Assert.Equal(3, await Api.AppendAsync(digits, 2, Bodies.AddressChange("9 Fell Street, Springfield")));
        var after = await Api.GetAsync(digits);
        Assert.Equal("\"3\"", after.ETag);
        Assert.Equal([1, 2, 3], after.Events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal("9 Fell Street, Springfield", after.Events[2].GetProperty("fields").GetProperty("address").GetString());
    }
}

public sealed class CaseLifecycleOnSqlite(SqliteServer server) : CaseLifecycleTests(server), IClassFixture<SqliteServer>;

public sealed class CaseLifecycleOnPostgres(PostgresServer server) : CaseLifecycleTests(server), IClassFixture<PostgresServer>;
