using System.Net;
using Docket.Web.Tests.Infrastructure;
using NodaTime;

namespace Docket.Web.Tests.SelfService;

/// <summary>
/// After 5 failed sign-ins for an A-number, sign-in for it is paused for 15 minutes, even with
/// the right code; other A-numbers are not affected; the pause ends on its own. Each class has
/// one test because it moves its server's clock, and stays under the 10 sign-ins a minute that
/// one address may make.
/// </summary>
public sealed class LockoutTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Birth = "1968-04-30";

    [Fact]
    public async Task Five_failures_lock_the_A_number_for_15_minutes_even_for_the_right_code()
    {
        var digits = server.NewANumber();
        var opened = await server.OpenCaseAsync(digits, "Ferreira-Lund", "Oskar", Birth);
        var neighbour = server.NewANumber();
        var neighbourCase = await server.OpenCaseAsync(neighbour, "Ferreira-Lund", "Marta", Birth);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await server.SignInRawAsync(digits, "WRNG-CODE-" + attempt.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), Birth);
            await Json.ProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        using (var locked = await server.SignInRawAsync(digits, opened.AccessCode, Birth))
        {
            var problem = await Json.ProblemAsync(locked, HttpStatusCode.TooManyRequests);
            Assert.Equal("Too many failed attempts", problem.Text("title"));
            Assert.DoesNotContain("token", problem.ToString(), StringComparison.OrdinalIgnoreCase);
            // The pause is 15 minutes from the fifth failure, by the server's clock.
            var retryAfter = locked.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(15), $"Retry-After: {locked.Headers.RetryAfter}");
        }

        // Another person's sign-in from the same place still works.
        await server.SignInAsync(neighbour, neighbourCase.AccessCode, Birth);

        server.Clock.Advance(Duration.FromMinutes(15) + Duration.FromSeconds(1));
        await server.SignInAsync(digits, opened.AccessCode, Birth);
    }
}

/// <summary>The lockout engages for an A-number that has no case exactly as for one that has.</summary>
public sealed class LockoutOfAnUnknownANumberTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_unknown_A_number_is_locked_after_5_failures_with_the_same_answer_as_a_known_one()
    {
        var unknown = server.NewANumber();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await server.SignInRawAsync(unknown, "ABCD-EFGH-JKLM", "1990-01-02");
            var problem = await Json.ProblemAsync(failed, HttpStatusCode.Unauthorized);
            Assert.Equal("Sign-in failed", problem.Text("title"));
        }

        using var locked = await server.SignInRawAsync(unknown, "ABCD-EFGH-JKLM", "1990-01-02");
        var answer = await Json.ProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many failed attempts", answer.Text("title"));
        Assert.Equal(
            "Sign-in for this A-number is paused for a while after repeated failures. Try again later, or ask your case officer for a new access code.",
            answer.Text("detail"));
    }
}

/// <summary>More than 10 sign-ins a minute from one address are refused with a 429, whatever the A-numbers.</summary>
public sealed class SignInRateLimitTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_eleventh_sign_in_within_a_minute_from_one_address_is_a_429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 11; attempt++)
        {
            // A different A-number each time, so the per-A-number lockout never engages.
            using var response = await server.SignInRawAsync(server.NewANumber(), "ABCD-EFGH-JKLM", "1990-01-02");
            statuses.Add(response.StatusCode);
            if (attempt == 11)
            {
                Assert.True(response.Headers.Contains("X-Content-Type-Options"), "the 429 carries the security headers too");
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>The sign-in rate limit's 429 says when to try again (a server of its own, so its limit is fresh).</summary>
public sealed class SignInRateLimitRetryAfterTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task RateLimitedSignInIs429WithRetryAfter()
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var allowed = await server.SignInRawAsync(server.NewANumber(), "ABCD-EFGH-JKLM", "1990-01-02");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var limited = await server.SignInRawAsync(server.NewANumber(), "ABCD-EFGH-JKLM", "1990-01-02");

        var problem = await Json.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Contains("try again in", problem.Text("detail"), StringComparison.Ordinal);
    }
}
