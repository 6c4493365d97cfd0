using System.Net;
using System.Text.Json;
using Docket.Web.Statistics;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.Statistics;

internal static class StatisticsHelpers
{
    /// <summary>Opens a case, reports a departure on <paramref name="on"/> and verifies it through the API, closing the case.</summary>
    public static async Task DepartAsync(this DocketServer server, string country, string on, string source = "exit-record")
    {
        var api = server.AsOfficer;
        var digits = server.NewANumber();
        var version = (await api.OpenAsync(digits)).Version;
        version = await api.AppendAsync(digits, version, $$"""{"type":"DepartureReported","on":"{{on}}","destinationCountry":"{{country}}","source":"{{source}}","mode":"air"}""");
        using var verified = await api.SendAsync(HttpMethod.Post, $"/api/departures/{digits}/verification", $$"""{"on":"{{DocketServer.Today}}","closeCase":true}""", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Created, verified.StatusCode);
    }

    public static StatisticsPublisher Publisher(this DocketServer server) => server.App.Services.GetRequiredService<StatisticsPublisher>();

    public static async Task<JsonElement> StatsAsync(this DocketServer server, string pathAndQuery)
    {
        using var response = await server.As(null).SendAsync(HttpMethod.Get, pathAndQuery);
        return await Json.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The cells of an answer as "value=count" or "value=primary"/"value=secondary".</summary>
    public static List<string> Cells(this JsonElement answer, string by) =>
        [.. answer.GetProperty("cells").EnumerateArray().Select(c => $"{c.GetProperty(by).GetString()}=" + (c.GetProperty("count").ValueKind == JsonValueKind.Null
            ? (c.GetProperty("suppressed").GetBoolean() ? c.GetProperty("reason").GetString() : "?")
            : c.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}
