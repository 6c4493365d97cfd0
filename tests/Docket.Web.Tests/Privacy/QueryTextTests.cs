using System.Net;
using Docket.Web.Tests.Infrastructure;

namespace Docket.Web.Tests.Privacy;

/// <summary>
/// Text filters in a query string are refused with a 400 naming the parameter when they hold a
/// control character. Found by the reliability fuzzer: <c>GET /api/audit/access?user=%00</c> was a
/// 500 on PostgreSQL (22021, NUL is not text there) and a 200 on SQLite.
/// </summary>
public abstract class QueryTextTests(DocketServer server)
{
    [Theory]
    [InlineData("%00")]
    [InlineData("officer%00nyc")]
    [InlineData("%07")]
    public async Task Bug_a_NUL_in_the_access_logs_user_filter_was_a_500_on_PostgreSQL_and_is_a_400_naming_it(string user)
    {
        using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access?user={user}");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("user", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_a_NUL_in_a_family_name_search_was_a_500_on_PostgreSQL_and_is_a_400_naming_it()
    {
        using var response = await server.AsOfficer.SendAsync(HttpMethod.Get, "/api/cases?familyName=Quill%00feather&dateOfBirth=1990-01-02");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("familyName", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_filter_without_control_characters_still_filters()
    {
        using var response = await server.As(server.AuditorToken).SendAsync(HttpMethod.Get, $"/api/audit/access?user={DocketServer.Officer}");

        await Json.ReadAsync(response, HttpStatusCode.OK);
    }
}

public sealed class QueryTextOnSqlite(SqliteServer server) : QueryTextTests(server), IClassFixture<SqliteServer>;

public sealed class QueryTextOnPostgres(PostgresServer server) : QueryTextTests(server), IClassFixture<PostgresServer>;
