using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Docket.Web.Tests.Infrastructure;

/// <summary>A case as GET /api/cases/{aNumber} returned it.</summary>
public sealed record CaseRead(JsonElement Body, string? ETag)
{
    public int Version => Body.GetProperty("version").GetInt32();

    public IReadOnlyList<JsonElement> Events => [.. Body.GetProperty("events").EnumerateArray()];
}

/// <summary>What POST /api/cases returned when the case opened.</summary>
public sealed record OpenedCase(string ANumber, int Version, string AccessCode);

/// <summary>
/// The HTTP API as one caller uses it: raw requests for tests that look at the response, and
/// helpers that open a case or append an event and assert that it worked.
/// </summary>
public sealed class CaseApi(HttpClient http, string? token)
{
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            // Sent as written, so malformed values reach the server too.
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetRawAsync(string aNumber) => SendAsync(HttpMethod.Get, $"/api/cases/{aNumber}");

    public Task<HttpResponseMessage> OpenRawAsync(string body) => SendAsync(HttpMethod.Post, "/api/cases", body);

    public Task<HttpResponseMessage> PostEventRawAsync(string aNumber, string body, string? ifMatch) =>
        SendAsync(HttpMethod.Post, $"/api/cases/{aNumber}/events", body, ifMatch);

    /// <summary>Opens a case in NYC and checks the 201 answer.</summary>
    public async Task<OpenedCase> OpenAsync(string aNumber, string familyName = "Quillfeather", string givenNames = "Anselm Orrin")
    {
        using var response = await OpenRawAsync(Bodies.Opening(aNumber, familyName: familyName, givenNames: givenNames));
        var json = await Json.ReadAsync(response, HttpStatusCode.Created);
        return new OpenedCase(
            json.GetProperty("aNumber").GetString()!,
            json.GetProperty("version").GetInt32(),
            json.GetProperty("accessCode").GetString()!);
    }

    /// <summary>Appends an event at the version the caller read and checks the 201 answer.</summary>
    public async Task<int> AppendAsync(string aNumber, int expectedVersion, string body)
    {
        using var response = await PostEventRawAsync(aNumber, body, $"\"{expectedVersion}\"");
        var json = await Json.ReadAsync(response, HttpStatusCode.Created);
        var version = json.GetProperty("version").GetInt32();
        Assert.Equal(expectedVersion + 1, version);
        return version;
    }

    public async Task<CaseRead> GetAsync(string aNumber)
    {
        using var response = await GetRawAsync(aNumber);
        var json = await Json.ReadAsync(response, HttpStatusCode.OK);
        return new CaseRead(json, response.Headers.ETag?.Tag);
    }
}

/// <summary>Request bodies as a client would write them.</summary>
public static class Bodies
{
    public static string Opening(
        string aNumber,
        string office = "NYC",
        string familyName = "Quillfeather",
        string givenNames = "Anselm Orrin",
        string dateOfBirth = "1990-01-02",
        string citizenship = "GTM") =>
        JsonSerializer.Serialize(new { aNumber, familyName, givenNames, dateOfBirth, citizenship, office });

    /// <summary>A lawful event on any open case: the person gives a new address for notices.</summary>
    public static string AddressChange(string address, string on = DocketServer.Today) =>
        JsonSerializer.Serialize(new { type = "MailingAddressChanged", on, address });
}

public static class Json
{
    /// <summary>Checks the status and that the body is JSON, and returns it.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Checks an RFC 9457 problem: the status, application/problem+json, and its status and title members.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), "a problem has a title");
        return problem;
    }
}
