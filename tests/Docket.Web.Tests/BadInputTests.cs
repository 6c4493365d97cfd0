using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>
/// Every request the API refuses: each answer is an RFC 9457 problem, and nothing is written
/// (the case reads back at the same version with the same events).
/// </summary>
public sealed class BadInputTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private CaseApi Api => server.AsOfficer;

    /// <summary>Opens a case with one address change (version 2) and returns what it reads.</summary>
    private async Task<(string Digits, CaseRead Before)> CaseAtVersion2Async()
    {
        var digits = server.NewANumber();
        await Api.OpenAsync(digits);
        await Api.AppendAsync(digits, 1, Bodies.AddressChange("1 First Street, Springfield"));
        return (digits, await Api.GetAsync(digits));
    }

    private async Task AssertNothingWrittenAsync(string digits, CaseRead before)
    {
        var after = await Api.GetAsync(digits);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(
            before.Events.Select(e => e.GetProperty("hash").GetString()),
            after.Events.Select(e => e.GetProperty("hash").GetString()));
    }

    [Fact]
    public async Task Recording_without_If_Match_is_a_428_problem_and_writes_nothing()
    {
        var (digits, before) = await CaseAtVersion2Async();

        using var response = await Api.PostEventRawAsync(digits, Bodies.AddressChange("2 Second Street, Springfield"), ifMatch: null);

        await Json.ProblemAsync(response, HttpStatusCode.PreconditionRequired);
        await AssertNothingWrittenAsync(digits, before);
    }

    [Theory]
    [InlineData("\"1\"", "an older version")]
    [InlineData("\"7\"", "a version the case has not reached")]
    public async Task Recording_with_a_stale_If_Match_is_a_409_problem_naming_the_current_version_and_writes_nothing(string ifMatch, string why)
    {
        var (digits, before) = await CaseAtVersion2Async();

        using var response = await Api.PostEventRawAsync(digits, Bodies.AddressChange("3 Third Street, Springfield"), ifMatch);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.True(2 == problem.GetProperty("currentVersion").GetInt32(), $"If-Match {ifMatch} ({why})");
        await AssertNothingWrittenAsync(digits, before);
    }

    [Theory]
    [InlineData("malformed JSON", """{"type": "MailingAddressChanged", "on": "2025-06-02", "address": """)]
    [InlineData("a body that is not an object", """["MailingAddressChanged"]""")]
    [InlineData("an unknown event type", """{"type": "Teleported", "on": "2025-06-02"}""")]
    [InlineData("an unknown field", """{"type": "MailingAddressChanged", "on": "2025-06-02", "address": "4 Fourth Street", "favouriteColour": "teal"}""")]
    [InlineData("a missing required field", """{"type": "MailingAddressChanged", "on": "2025-06-02"}""")]
    [InlineData("a missing effective date", """{"type": "MailingAddressChanged", "address": "4 Fourth Street"}""")]
    [InlineData("an impossible date", """{"type": "MailingAddressChanged", "on": "2025-02-30", "address": "4 Fourth Street"}""")]
    [InlineData("a date in another format", """{"type": "MailingAddressChanged", "on": "06/02/2025", "address": "4 Fourth Street"}""")]
    [InlineData("a country that is not ISO 3166-1 alpha-3", """{"type": "ThirdCountryNoticeServed", "on": "2025-06-02", "country": "XYZ"}""")]
    [InlineData("a country in lower case", """{"type": "ThirdCountryNoticeServed", "on": "2025-06-02", "country": "mex"}""")]
    [InlineData("a value outside its enumeration", """{"type": "NoticeToAppearServed", "on": "2025-06-02", "method": "carrier-pigeon", "charges": ["INA 237(a)(1)(B)"]}""")]
    [InlineData("CaseOpened, which only POST /api/cases writes", """{"type": "CaseOpened", "on": "2025-06-02", "aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "citizenship": "GTM", "office": "NYC"}""")]
    public async Task A_bad_event_body_is_a_400_problem_and_writes_nothing(string why, string body)
    {
        var (digits, before) = await CaseAtVersion2Async();

        using var response = await Api.PostEventRawAsync(digits, body.Replace("{A}", digits, StringComparison.Ordinal), before.ETag);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), $"{why}: the problem says what is wrong");
        await AssertNothingWrittenAsync(digits, before);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("A1234567890")]
    [InlineData("21200000X")]
    public async Task A_bad_A_number_in_the_path_is_a_400_problem_and_writes_nothing(string aNumber)
    {
        var (digits, before) = await CaseAtVersion2Async();

        using (var post = await Api.PostEventRawAsync(aNumber, Bodies.AddressChange("5 Fifth Street, Springfield"), before.ETag))
        {
            await Json.ProblemAsync(post, HttpStatusCode.BadRequest);
        }

        using (var get = await Api.GetRawAsync(aNumber))
        {
            await Json.ProblemAsync(get, HttpStatusCode.BadRequest);
        }

        await AssertNothingWrittenAsync(digits, before);
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_version_is_a_400_problem_and_writes_nothing()
    {
        var (digits, before) = await CaseAtVersion2Async();

        using var response = await Api.PostEventRawAsync(digits, Bodies.AddressChange("6 Sixth Street, Springfield"), "\"two\"");

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        await AssertNothingWrittenAsync(digits, before);
    }

    [Fact]
    public async Task Recording_on_a_case_that_does_not_exist_is_a_404_problem()
    {
        using var response = await Api.PostEventRawAsync(server.NewANumber(), Bodies.AddressChange("7 Seventh Street, Springfield"), "\"1\"");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("malformed JSON", """{"aNumber": "{A}", """)]
    [InlineData("a missing required field", """{"aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "office": "NYC"}""")]
    [InlineData("an unknown field", """{"aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "citizenship": "GTM", "office": "NYC", "eyeColour": "brown"}""")]
    [InlineData("an impossible date of birth", """{"aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-02-30", "citizenship": "GTM", "office": "NYC"}""")]
    [InlineData("a date of birth in the future", """{"aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "2030-01-01", "citizenship": "GTM", "office": "NYC"}""")]
    [InlineData("a bad citizenship", """{"aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "citizenship": "Guatemala", "office": "NYC"}""")]
    [InlineData("an A-number of 8 digits", """{"aNumber": "21234567", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "citizenship": "GTM", "office": "NYC"}""")]
    [InlineData("a type and effective date, which the server sets", """{"type": "CaseOpened", "on": "2025-06-02", "aNumber": "{A}", "familyName": "Quillfeather", "givenNames": "Anselm", "dateOfBirth": "1990-01-02", "citizenship": "GTM", "office": "NYC"}""")]
    public async Task A_bad_opening_is_a_400_problem_and_opens_nothing(string why, string body)
    {
        var digits = server.NewANumber();

        using var response = await Api.OpenRawAsync(body.Replace("{A}", digits, StringComparison.Ordinal));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), $"{why}: the problem says what is wrong");
        using var read = await Api.GetRawAsync(digits);
        await Json.ProblemAsync(read, HttpStatusCode.NotFound);
    }
}
