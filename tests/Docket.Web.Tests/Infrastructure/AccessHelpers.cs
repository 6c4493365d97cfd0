using System.Net;
using System.Text.Json;
using Docket.Store.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Infrastructure;

/// <summary>Bodies for the access-control, privacy and self-service tests.</summary>
public static class AccessBodies
{
    private static readonly string[] Charges = ["212(a)(6)(A)(i)"];

    /// <summary>The court's record that an attorney now represents the person (recorded by the agency).</summary>
    public static string AttorneyEntered(string barNumber = DocketServer.AttorneyBarNumber, string name = "Rosalind Achterberg", string on = DocketServer.Today) =>
        JsonSerializer.Serialize(new { type = "AttorneyEntered", on, name, barNumber });

    public static string AttorneyWithdrew(string on = DocketServer.Today) =>
        JsonSerializer.Serialize(new { type = "AttorneyWithdrew", on });

    public static string HearingScheduled(string date, string court = "New York Immigration Court", string on = DocketServer.Today) =>
        JsonSerializer.Serialize(new { type = "HearingScheduled", on, date, kind = "master", court });

    /// <summary>A Notice to Appear served a month before the test's today: proceedings begin, so hearings and decisions fit the case's stage.</summary>
    public static string NoticeToAppearServed(string on = "2025-05-01") =>
        JsonSerializer.Serialize(new { type = "NoticeToAppearServed", on, method = "personal", charges = Charges });

    /// <summary>A decision only the court records: an attorney may not file it.</summary>
    public static string JudgeDecided(string on = DocketServer.Today) =>
        JsonSerializer.Serialize(new { type = "JudgeDecided", on, outcome = "terminated", alternateCountries = Array.Empty<string>(), protectedCountries = Array.Empty<string>(), appeal = "waived", inAbsentia = false });

    public static string SignIn(string aNumber, string accessCode, string dateOfBirth) =>
        JsonSerializer.Serialize(new { aNumber, accessCode, dateOfBirth });

    public static string Departure(string destinationCountry = "CAN", string on = DocketServer.Today, string? port = null) =>
        port is null
            ? JsonSerializer.Serialize(new { destinationCountry, on })
            : JsonSerializer.Serialize(new { destinationCountry, on, port });
}

/// <summary>Set-ups and look-ups the access-control tests share.</summary>
public static class AccessHelpers
{
    /// <summary>
    /// Opens a case in NYC (as the NYC officer) and enters <paramref name="barNumber"/> as its
    /// attorney of record; returns the opening and the case's version after that.
    /// </summary>
    public static async Task<(OpenedCase Opened, int Version)> OpenRepresentedCaseAsync(
        this DocketServer server, string aNumber, string familyName = "Quillfeather", string givenNames = "Anselm Orrin",
        string dateOfBirth = "1990-01-02", string barNumber = DocketServer.AttorneyBarNumber)
    {
        var opened = await server.OpenCaseAsync(aNumber, familyName, givenNames, dateOfBirth);
        var version = await server.AsOfficer.AppendAsync(aNumber, opened.Version, AccessBodies.AttorneyEntered(barNumber));
        return (opened, version);
    }

    /// <summary>Opens a case with the given identity, as <paramref name="token"/> (default: the NYC officer).</summary>
    public static async Task<OpenedCase> OpenCaseAsync(
        this DocketServer server, string aNumber, string familyName = "Quillfeather", string givenNames = "Anselm Orrin",
        string dateOfBirth = "1990-01-02", string office = "NYC", string? token = null)
    {
        using var response = await server.As(token ?? server.OfficerToken)
            .OpenRawAsync(Bodies.Opening(aNumber, office: office, familyName: familyName, givenNames: givenNames, dateOfBirth: dateOfBirth));
        var json = await Json.ReadAsync(response, HttpStatusCode.Created);
        return new OpenedCase(json.GetProperty("aNumber").GetString()!, json.GetProperty("version").GetInt32(), json.GetProperty("accessCode").GetString()!);
    }

    /// <summary>The case's version as stored, read without going through the API (so nothing is logged).</summary>
    /// <summary>Serves the Notice to Appear (stage in-proceedings) and returns the case's new version.</summary>
    public static Task<int> ServeNoticeAsync(this CaseApi api, string aNumber, int version) =>
        api.AppendAsync(aNumber, version, AccessBodies.NoticeToAppearServed());

    public static async Task<int> StoredVersionAsync(this DocketServer server, string aNumber) =>
        (await server.App.Services.GetRequiredService<EventReader>().ReadStreamAsync(aNumber)).Count;

    /// <summary>The access log as the auditor reads it (GET /api/audit/access), oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AccessLogAsync(this DocketServer server, string query)
    {
        using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access?limit=1000&{query}");
        var json = await Json.ReadAsync(response, HttpStatusCode.OK);
        return [.. json.EnumerateArray()];
    }

    /// <summary>Every access-log entry for one case.</summary>
    public static Task<IReadOnlyList<JsonElement>> AccessLogForAsync(this DocketServer server, string aNumber) =>
        server.AccessLogAsync($"aNumber={aNumber}");

    public static Task<HttpResponseMessage> SignInRawAsync(this DocketServer server, string aNumber, string accessCode, string dateOfBirth) =>
        server.As(null).SendAsync(HttpMethod.Post, "/api/self-service/session", AccessBodies.SignIn(aNumber, accessCode, dateOfBirth));

    /// <summary>Signs in to self-service, checks the 201, and returns the session token.</summary>
    public static async Task<string> SignInAsync(this DocketServer server, string aNumber, string accessCode, string dateOfBirth)
    {
        using var response = await server.SignInRawAsync(aNumber, accessCode, dateOfBirth);
        var json = await Json.ReadAsync(response, HttpStatusCode.Created);
        var token = json.GetProperty("token").GetString()!;
        Assert.StartsWith("dks_", token, StringComparison.Ordinal);
        return token;
    }

    /// <summary>GET <paramref name="path"/> as <paramref name="token"/>, stating <paramref name="reason"/> in X-Access-Reason (break-glass).</summary>
    public static async Task<HttpResponseMessage> GetWithReasonAsync(this DocketServer server, string? token, string path, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("X-Access-Reason", reason);
        return await server.Http.SendAsync(request);
    }

    public static string Text(this JsonElement json, string property) => json.GetProperty(property).GetString()!;
}
