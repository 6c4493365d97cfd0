using System.Net;
using Docket.Store;
using Docket.Store.Users;
using Docket.Web.SelfService;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Docket.Web.Tests.Authorization;

/// <summary>
/// API tokens: only their hash is kept, and a token stops working when it expires or is
/// revoked; the server trusts a checked token for a few seconds, never longer. (One class of its
/// own, because it moves its server's clock.)
/// </summary>
public sealed class TokenTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_token_is_kept_only_as_its_hash_and_stops_working_when_it_expires()
    {
        var issued = await server.Users.AddAsync(new NewUser("officer-temporary", UserRoles.Officer, "NYC") { ValidFor = Duration.FromHours(8) });
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, token: issued.Token);

        // Nothing in the users table holds the token as text.
        await using (var connection = await new DocketDatabase(server.Target).OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT * FROM users WHERE name = 'officer-temporary'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) + Convert.ToHexString(bytes) + Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                Assert.DoesNotContain(issued.Token[4..], value, StringComparison.OrdinalIgnoreCase);
            }
        }

        server.Clock.Advance(Duration.FromHours(8) - Duration.FromSeconds(1));
        using (var before = await server.As(issued.Token).GetRawAsync(digits))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        server.Clock.Advance(Duration.FromSeconds(2));
        using var after = await server.As(issued.Token).GetRawAsync(digits);
        var problem = await Json.ProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains(after.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_revoked_by_another_process_stops_working_once_the_trust_window_has_passed()
    {
        var issued = await server.Users.AddAsync("officer-elsewhere", UserRoles.Officer, "NYC");
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, token: issued.Token);

        // As `docket users revoke` does: straight to the database, no word to the server.
        Assert.True(await server.OtherProcessUsers.RevokeAsync("officer-elsewhere"));
        server.Clock.Advance(new DocketWebOptions().TokensTrustedFor);

        using var response = await server.As(issued.Token).GetRawAsync(digits);
        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_replaced_through_the_server_stops_working_at_once_and_the_new_one_works()
    {
        var issued = await server.Users.AddAsync("officer-reissued", UserRoles.Officer, "NYC");
        var digits = server.NewANumber();
        await server.OpenCaseAsync(digits, token: issued.Token);

        var reissued = await server.Users.ReissueAsync("officer-reissued", UserRoles.Officer, "NYC");

        using (var old = await server.As(issued.Token).GetRawAsync(digits))
        {
            await Json.ProblemAsync(old, HttpStatusCode.Unauthorized);
        }

        Assert.Equal(1, (await server.As(reissued.Token).GetAsync(digits)).Version);
    }

    [Fact]
    public async Task SelfServiceSessionEndsByTheInjectedClockNotTheMachines()
    {
        var session = server.App.Services.GetRequiredService<SelfServiceSessions>().Issue(server.NewANumber());
        Assert.Equal((server.Clock.GetCurrentInstant() + Duration.FromMinutes(30)).ToDateTimeOffset(), session.Expires);

        server.Clock.Advance(Duration.FromMinutes(30) - Duration.FromSeconds(1));
        using (var before = await server.As(session.Token).SendAsync(HttpMethod.Get, "/api/self-service/access"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        server.Clock.Advance(Duration.FromSeconds(1));
        using var after = await server.As(session.Token).SendAsync(HttpMethod.Get, "/api/self-service/access");
        var problem = await Json.ProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Contains("has ended", problem.Text("detail"), StringComparison.Ordinal);
    }
}
