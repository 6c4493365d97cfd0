using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.SelfService;

/// <summary>GET /api/self-service/case's <c>plain</c>: the case in sentences, in English or Spanish.</summary>
public abstract class PlainLanguageCaseTests(DocketServer server)
{
    private const string Birth = "1990-03-08";

    private const string RemovalOrderedAppealReserved = $$"""
        {"type":"JudgeDecided","on":"{{DocketServer.Today}}","outcome":"removal-ordered","removalCountry":"PER","alternateCountries":[],"protectedCountries":[],"appeal":"reserved","inAbsentia":false}
        """;

    [Fact]
    public async Task The_appeal_deadline_is_a_sentence_with_its_date_and_days_left_in_English()
    {
        var (_, session) = await DecidedCaseAsync();

        var plain = await PlainAsync(session, "/api/self-service/case", language: null);

        Assert.Equal("en", plain.GetProperty("language").GetString());
        var appeal = Deadline(plain, "appeal");
        // Decided 2025-06-02: 30 days later is Wednesday, 2 July 2025 (APPEAL-IJ-30D).
        Assert.Equal("You have until Wednesday, 2 July 2025 to appeal the judge's decision to the Board of Immigration Appeals. The Board must receive your appeal by that day.",
            appeal.GetProperty("sentence").GetString());
        Assert.Equal("30 days left", appeal.GetProperty("daysLeft").GetString());
        Assert.Equal("APPEAL-IJ-30D", appeal.GetProperty("rule").GetString());
        Assert.Equal("The judge ordered your removal from the United States.", plain.GetProperty("decision").GetString());
        Assert.Equal("Decided", plain.GetProperty("stageName").GetString());
        Assert.StartsWith("https://www.justice.gov/eoir/", plain.GetProperty("legalHelp").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_Language_es_gives_the_same_case_in_Spanish_with_Spanish_dates()
    {
        var (_, session) = await DecidedCaseAsync();

        var plain = await PlainAsync(session, "/api/self-service/case", language: "es-MX,es;q=0.9,en;q=0.5");

        Assert.Equal("es", plain.GetProperty("language").GetString());
        var appeal = Deadline(plain, "appeal");
        Assert.Equal("miércoles, 2 de julio de 2025", appeal.GetProperty("dueText").GetString());
        Assert.StartsWith("Tiene hasta el miércoles, 2 de julio de 2025 para apelar", appeal.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal("Quedan 30 días", appeal.GetProperty("daysLeft").GetString());
        Assert.Equal("El juez ordenó su deportación de los Estados Unidos.", plain.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task The_culture_query_chooses_Spanish_and_an_unknown_language_falls_back_to_English()
    {
        var (_, session) = await DecidedCaseAsync();

        Assert.Equal("es", (await PlainAsync(session, "/api/self-service/case?culture=es", language: null)).GetProperty("language").GetString());
        Assert.Equal("en", (await PlainAsync(session, "/api/self-service/case", language: "tlh")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_address_reminder_is_in_the_language_asked_for_and_names_the_5_and_10_days()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Quispe-Halvorsen", dateOfBirth: Birth);
        var session = await server.SignInAsync(digits, opened.AccessCode, Birth);

        using var response = await server.As(session).SendAsync(HttpMethod.Post, "/api/self-service/address?culture=es", """{"address":"4 Calle Ficticia, Newark NJ"}""");

        var reminder = (await Json.ReadAsync(response, HttpStatusCode.Created)).GetProperty("reminder").GetString()!;
        Assert.Contains("5 días hábiles", reminder, StringComparison.Ordinal);
        Assert.Contains("10 días", reminder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_break_glass_read_is_shown_in_Spanish_with_its_reason_and_a_plain_role_and_date()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Quispe-Halvorsen", dateOfBirth: Birth);
        (await server.GetWithReasonAsync(server.OtherSupervisorToken, $"/api/cases/{digits}", "Tribunal pidio el expediente 2025-114")).Dispose();
        var session = await server.SignInAsync(digits, opened.AccessCode, Birth);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/self-service/access");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        request.Headers.TryAddWithoutValidation("Accept-Language", "es");
        using var response = await server.Http.SendAsync(request);

        var read = (await Json.ReadAsync(response, HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("breakGlass").GetBoolean());
        Assert.Equal("Supervisor", read.GetProperty("roleText").GetString());
        Assert.Equal("lunes, 2 de junio de 2025", read.GetProperty("dateText").GetString());
        Assert.Equal("Acceso de emergencia, fuera de los casos propios de quien leyó. Motivo indicado: Tribunal pidio el expediente 2025-114", read.GetProperty("purposeText").GetString());
    }

    private async Task<(string Digits, string Session)> DecidedCaseAsync()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Quispe-Halvorsen", dateOfBirth: Birth);
        var version = await server.AsOfficer.ServeNoticeAsync(digits, 1);
        await server.AsOfficer.AppendAsync(digits, version, RemovalOrderedAppealReserved);
        return (digits, await server.SignInAsync(digits, opened.AccessCode, Birth));
    }

    private async Task<JsonElement> PlainAsync(string session, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await server.Http.SendAsync(request);
        return (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("plain");
    }

    private static JsonElement Deadline(JsonElement plain, string kind) =>
        plain.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == kind);
}

public sealed class SqlitePlainLanguageCaseTests(SqliteServer server) : PlainLanguageCaseTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresPlainLanguageCaseTests(PostgresServer server) : PlainLanguageCaseTests(server), IClassFixture<PostgresServer>;
