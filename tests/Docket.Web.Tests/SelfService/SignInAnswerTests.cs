using System.Net;
using System.Text.Json;
using Docket.Store.Cases;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Web.Tests.SelfService;

/// <summary>
/// POST /api/self-service/session: the right A-number, access code and date of birth give a
/// token for that one case; anything else gets one and the same answer, so the endpoint cannot
/// tell anyone whether an A-number has a case. (Sign-in is limited to 10 a minute from one
/// address, and every test class has its own server: this class signs in 6 times.)
/// </summary>
public abstract class SignInAnswerTests(DocketServer server)
{
    private const string Birth = "1979-11-23";

    [Fact]
    public async Task The_right_code_and_date_of_birth_give_a_session_token_for_that_case()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Lindqvist-Amadi", "Teodora", Birth);

        // The A-number may be written as on the person's papers, and the code without dashes, in lower case.
        using var response = await server.SignInRawAsync($"A{digits[..3]}-{digits[3..6]}-{digits[6..]}", opened.AccessCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), Birth);

        var session = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(digits, session.Text("aNumber"));
        Assert.StartsWith("dks_", session.Text("token"), StringComparison.Ordinal);
        var expires = session.GetProperty("expiresAt").GetDateTimeOffset();
        // Thirty minutes by the server's clock (the injected one), not the machine's.
        Assert.Equal(TimeSpan.FromMinutes(30), expires - server.Clock.GetCurrentInstant().ToDateTimeOffset());

        using var own = await server.As(session.Text("token")).SendAsync(HttpMethod.Get, "/api/self-service/case");
        var view = await Json.ReadAsync(own, HttpStatusCode.OK);
        Assert.Equal(digits, view.Text("aNumber"));
        Assert.Equal("Lindqvist-Amadi", view.Text("familyName"));
        Assert.Equal(1, view.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_wrong_code_a_wrong_date_of_birth_and_an_unknown_A_number_get_the_same_answer()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Okonkwo-Brandt", "Ilse", Birth);
        var wrongCode = opened.AccessCode[..^1] + (opened.AccessCode[^1] == 'A' ? 'B' : 'A');
        var unknown = server.NewANumber();

        var answers = new List<(string What, HttpStatusCode Status, JsonElement Problem)>();
        foreach (var (what, aNumber, code, birth) in new[]
        {
            ("wrong code", digits, wrongCode, Birth),
            ("wrong date of birth", digits, opened.AccessCode, "1979-11-24"),
            ("unknown A-number", unknown, opened.AccessCode, Birth),
        })
        {
            using var response = await server.SignInRawAsync(aNumber, code, birth);
            answers.Add((what, response.StatusCode, await Json.ProblemAsync(response, HttpStatusCode.Unauthorized)));
            Assert.Null(response.Headers.RetryAfter);
        }

        var (_, _, first) = answers[0];
        foreach (var (what, status, problem) in answers)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.True(Shape(first) == Shape(problem), $"{what}: {problem} differs from {first}");
            Assert.DoesNotContain("Okonkwo", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_case_with_no_code_issued_cannot_be_signed_in_to_with_any_code()
    {
        // Imported and demo cases have no access code until an officer issues one.
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, "Haddad-Nilsen", "Mireille", Birth);
        Assert.True(await server.App.Services.GetRequiredService<CaseDirectory>().SetAccessCodeHashAsync(digits, AccessCodes.NoneIssued));

        foreach (var guess in new[] { "decoy-code-never-issued", "AAAA-AAAA-AAAA" })
        {
            using var response = await server.SignInRawAsync(digits, guess, Birth);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Sign-in failed", problem.Text("title"));
        }
    }

    [Fact]
    public async Task A_session_token_that_was_tampered_with_is_a_401()
    {
        using var forged = await server.As("dks_" + new string('A', 120)).SendAsync(HttpMethod.Get, "/api/self-service/case");
        using var bare = await server.As("dks_").SendAsync(HttpMethod.Get, "/api/self-service/case");

        await Json.ProblemAsync(forged, HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(bare, HttpStatusCode.Unauthorized);
    }

    /// <summary>Everything of a problem but its trace id, which differs by request.</summary>
    private static string Shape(JsonElement problem) =>
        string.Join("\n", problem.EnumerateObject().Where(p => p.Name != "traceId").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
}

public sealed class SqliteSignInAnswerTests(SqliteServer server) : SignInAnswerTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSignInAnswerTests(PostgresServer server) : SignInAnswerTests(server), IClassFixture<PostgresServer>;
