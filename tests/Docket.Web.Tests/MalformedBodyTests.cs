using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests;

/// <summary>
/// Bodies that two JSON readers could read differently (a key given twice) or that hold strings
/// that are not text (not UTF-8, a lone surrogate), on every endpoint that takes a body: each is
/// a 400 problem naming what is wrong, never a 500, and nothing is written. (Sign-in is limited
/// to 10 a minute from one address; this class signs in 5 times.)
/// </summary>
public sealed class MalformedBodyTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    /// <summary>The UTF-8 of <paramref name="body"/> with <c>@@</c> replaced by bytes that are not UTF-8.</summary>
    private static byte[] Bytes(string body) =>
        [.. body.Split("@@").SelectMany((part, i) => i == 0 ? Encoding.UTF8.GetBytes(part) : [0xC3, 0x28, .. Encoding.UTF8.GetBytes(part)])];

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? token, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await server.Http.SendAsync(request);
    }

    private static async Task<string> DetailOf400Async(HttpResponseMessage response)
    {
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.Text("detail");
    }

    private async Task<(string Digits, OpenedCase Opened)> OpenAsync()
    {
        var digits = server.NewANumber();
        return (digits, await server.OpenCaseAsync(digits, dateOfBirth: "1984-07-30"));
    }

    [Theory]
    [InlineData("""{"type":"CustodyStarted","on":"2025-06-02","type":"AppealFiled"}""", "type: appears more than once")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Fourth Street","address":"5 Fifth Street"}""", "address: appears more than once")]
    [InlineData("""{"type":"EntryCorrected","on":"2025-06-02","correctsVersion":2,"reason":"typo","replacement":{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Fourth Street","address":"5 Fifth Street"}}""", "replacement.address: appears more than once")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Fourth Street@@"}""", "address")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Fourth \udfff Street"}""", "address")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2025-06-02","address":"4 Fourth\u0000Street"}""", "address")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2025-06-0@@"}""", "on")]
    public async Task Bug_a_bad_event_body_was_recorded_or_threw_and_is_now_a_400_naming_it(string body, string named)
    {
        var (digits, opened) = await OpenAsync();

        using var response = await PostAsync($"/api/cases/{digits}/events", Bytes(body), server.OfficerToken, $"\"{opened.Version}\"");

        Assert.Contains(named, await DetailOf400Async(response), StringComparison.Ordinal);
        Assert.Equal(opened.Version, (await server.AsOfficer.GetAsync(digits)).Version);
    }

    [Theory]
    [InlineData("""{"aNumber":"{A}","familyName":"Quillfeather","familyName":"Okonkwo","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""", "familyName: appears more than once")]
    [InlineData("""{"aNumber":"{A}","familyName":"Quill@@feather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""", "familyName")]
    [InlineData("""{"aNumber":"{A}","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-0@@","citizenship":"GTM","office":"NYC"}""", "dateOfBirth")]
    [InlineData("""{"aNumber":"{A}","familyName":"Quill\ud800","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""", "familyName")]
    [InlineData("""{"aNumber":"{A}","familyName":"Quill\u0000feather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""", "familyName")]
    public async Task Bug_a_bad_opening_threw_or_opened_a_case_and_is_now_a_400_naming_it(string body, string named)
    {
        var digits = server.NewANumber();

        using var response = await PostAsync("/api/cases", Bytes(body.Replace("{A}", digits, StringComparison.Ordinal)), server.OfficerToken);

        Assert.Contains(named, await DetailOf400Async(response), StringComparison.Ordinal);
        using var read = await server.AsOfficer.GetRawAsync(digits);
        await Json.ProblemAsync(read, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"aNumber":"{A}","accessCode":"{C}","dateOfBirth":"1984-07-30","dateOfBirth":"1999-01-01"}""", "dateOfBirth: appears more than once")]
    [InlineData("""{"aNumber":"{A}","accessCode":"{C}@@","dateOfBirth":"1984-07-30"}""", "accessCode")]
    [InlineData("""{"aNumber":"{A}","accessCode":"{C}","dateOfBirth":"1984-07-3\udfff"}""", "dateOfBirth")]
    public async Task Bug_a_bad_sign_in_body_threw_and_is_now_a_400_naming_it(string body, string named)
    {
        var (digits, opened) = await OpenAsync();
        var text = body.Replace("{A}", digits, StringComparison.Ordinal).Replace("{C}", opened.AccessCode, StringComparison.Ordinal);

        using var response = await PostAsync("/api/self-service/session", Bytes(text), token: null);

        Assert.Contains(named, await DetailOf400Async(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_departure_report_is_a_400_naming_it_and_a_v1_1_report_with_mode_and_evidence_is_recorded()
    {
        var (digits, opened) = await OpenAsync();
        var person = await server.SignInAsync(digits, opened.AccessCode, "1984-07-30");

        using (var twice = await PostAsync("/api/self-service/departure", Bytes("""{"destinationCountry":"CAN","on":"2025-06-02","destinationCountry":"MEX"}"""), person))
        {
            Assert.Contains("destinationCountry: appears more than once", await DetailOf400Async(twice), StringComparison.Ordinal);
        }

        using (var port = await PostAsync("/api/self-service/departure", Bytes("""{"destinationCountry":"CAN","on":"2025-06-02","port":"Peace@@ Bridge"}"""), person))
        {
            Assert.Contains("port", await DetailOf400Async(port), StringComparison.Ordinal);
        }

        using (var mode = await PostAsync("/api/self-service/departure", Bytes("""{"destinationCountry":"CAN","on":"2025-06-02","mode":"rail"}"""), person))
        {
            Assert.Contains("mode: must be one of air, sea, land, consular", await DetailOf400Async(mode), StringComparison.Ordinal);
        }

        Assert.Equal(opened.Version, (await server.AsOfficer.GetAsync(digits)).Version);

        using var reported = await PostAsync("/api/self-service/departure", Bytes("""{"destinationCountry":"CAN","on":"2025-06-02","mode":"land","evidence":"passport-stamp"}"""), person);
        await Json.ReadAsync(reported, HttpStatusCode.Created);
        var fields = (await server.AsOfficer.GetAsync(digits)).Events[^1].GetProperty("fields");
        Assert.Equal(("land", "passport-stamp", "self-report"), (fields.Text("mode"), fields.Text("evidence"), fields.Text("source")));
        Assert.False(fields.TryGetProperty("port", out _));
    }
}
