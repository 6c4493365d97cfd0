using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Docket.Cli.Commands;
using Docket.Store.Events;
using Docket.Store.Users;
using Docket.Web.SelfService;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Reliability.Tests.Fuzzing;

/// <summary>A case the fuzzer aims at: its number, office, the person's date of birth and their access code.</summary>
public sealed record SeedCase(string ANumber, string Office, string DateOfBirth)
{
    public string AccessCode { get; set; } = "";

    public string SelfServiceToken { get; set; } = "";
}

/// <summary>
/// The real server the fuzzer sends to (the kit's <see cref="TestServer"/> on a fresh SQLite file
/// or PostgreSQL database), a token for each kind of caller, and a few cases with a history
/// (a Notice to Appear, an attorney, a hearing, a departure report) so that requests reach the
/// rules rather than stopping at "no such case". Tracks each case's version as acknowledged.
/// </summary>
public sealed class FuzzContext : IAsyncDisposable
{
    public const string AttorneyBarNumber = "NY-4471-2019";

    private int nextFresh;

    private FuzzContext(TestServer server) => Server = server;

    public TestServer Server { get; }

    public Uri Address => Server.Address;

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public List<SeedCase> Cases { get; } = [];

    /// <summary>Each case's version as last acknowledged (If-Match of the well-formed requests).</summary>
    public ConcurrentDictionary<string, int> Versions { get; } = new(StringComparer.Ordinal);

    public long CheckpointId { get; private set; }

    /// <param name="kind">The database.</param>
    /// <param name="beforeStart">Endpoints to map besides the API (the canaries that show the checks can fail).</param>
    public static async Task<FuzzContext> StartAsync(DatabaseKind kind, Action<Microsoft.AspNetCore.Builder.WebApplication>? beforeStart = null)
    {
        var server = await new TestServerBuilder { Kind = kind, BeforeStart = beforeStart }.StartAsync();
        var context = new FuzzContext(server);
        try
        {
            await context.SeedAsync();
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>A 9-digit A-number no case has yet (for openings).</summary>
    public string FreshANumber() => (300_000_000 + Interlocked.Increment(ref nextFresh)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Token(string who) => Tokens[who];

    /// <summary>The whole log as <c>docket export</c> writes it, one line an event.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync()
    {
        var lines = new List<string>();
        await foreach (var row in Server.App.Services.GetRequiredService<EventReader>().ReadAllAsync())
        {
            lines.Add(ExportLine.Write(row));
        }

        return lines;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task SeedAsync()
    {
        Tokens["officer"] = await Server.AddUserAsync("officer-nyc", UserRoles.Officer, "NYC");
        Tokens["officerLax"] = await Server.AddUserAsync("officer-lax", UserRoles.Officer, "LAX");
        Tokens["supervisor"] = await Server.AddUserAsync("supervisor-nyc", UserRoles.Supervisor, "NYC");
        Tokens["supervisorLax"] = await Server.AddUserAsync("supervisor-lax", UserRoles.Supervisor, "LAX");
        Tokens["attorney"] = await Server.AddUserAsync("attorney-of-record", UserRoles.Attorney, null, AttorneyBarNumber);
        Tokens["auditor"] = await Server.AddUserAsync("auditor-oig", UserRoles.Auditor, null);
        Tokens["revoked"] = await Server.AddUserAsync("officer-departed", UserRoles.Officer, "NYC");
        await Server.Users.RevokeAsync("officer-departed");

        var people = new[] { ("Quillfeather", "1990-01-02"), ("Thistlewood", "1984-07-19"), ("Marchetti-Oyelaran", "1987-03-14"), ("Achterberg", "1979-11-30") };
        for (var i = 0; i < people.Length; i++)
        {
            await SeedCaseAsync((208_417_350 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "NYC", people[i].Item1, people[i].Item2, withDeparture: i == 3);
        }

        await SeedCaseAsync("208417360", "LAX", "Brightwater", "1995-05-05", withDeparture: false);

        using var checkpoint = await SendAsync("auditor", HttpMethod.Post, "/api/audit/checkpoints", null, null);
        CheckpointId = (await ReadAsync(checkpoint, HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private async Task SeedCaseAsync(string aNumber, string office, string familyName, string dateOfBirth, bool withDeparture)
    {
        var opener = office == "NYC" ? "officer" : "officerLax";
        var opening = JsonSerializer.Serialize(new { aNumber, familyName, givenNames = "Anselm Orrin", dateOfBirth, citizenship = "GTM", office });
        using var opened = await SendAsync(opener, HttpMethod.Post, "/api/cases", opening, null);
        var seed = new SeedCase(aNumber, office, dateOfBirth) { AccessCode = (await ReadAsync(opened, HttpStatusCode.Created)).GetProperty("accessCode").GetString()! };
        Versions[aNumber] = 1;
        string[] history =
        [
            """{"type":"NoticeToAppearServed","on":"2025-05-01","method":"personal","charges":["212(a)(6)(A)(i)"]}""",
            $$"""{"type":"AttorneyEntered","on":"2025-05-02","name":"Rosalind Achterberg","barNumber":"{{AttorneyBarNumber}}"}""",
            """{"type":"HearingScheduled","on":"2025-05-02","date":"2025-07-01","kind":"master","court":"New York Immigration Court"}""",
        ];
        foreach (var body in history)
        {
            using var appended = await SendAsync(opener, HttpMethod.Post, $"/api/cases/{aNumber}/events", body, $"\"{Versions[aNumber]}\"");
            Versions[aNumber] = (await ReadAsync(appended, HttpStatusCode.Created)).GetProperty("version").GetInt32();
        }

        seed.SelfServiceToken = Server.App.Services.GetRequiredService<SelfServiceSessions>().Issue(aNumber).Token;
        if (withDeparture)
        {
            using var departed = await SendAsync(seed.SelfServiceToken, HttpMethod.Post, "/api/self-service/departure", """{"destinationCountry":"CAN","on":"2025-06-01"}""", null, tokenIsRaw: true);
            Versions[aNumber] = (await ReadAsync(departed, HttpStatusCode.Created)).GetProperty("version").GetInt32();
        }

        Cases.Add(seed);
    }

    private async Task<HttpResponseMessage> SendAsync(string who, HttpMethod method, string path, string? body, string? ifMatch, bool tokenIsRaw = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenIsRaw ? who : Tokens[who]);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Server.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"seeding: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
