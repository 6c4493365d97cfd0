using System.Net;
using System.Text.RegularExpressions;
using Docket.Store.Staff;
using Docket.Web.SignIn;
using Docket.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Docket.Web.Tests.StaffPages;

/// <summary>The one-time set-up link: any server over the database, once only, NIST SP 800-63B passwords, the authenticator enrolled.</summary>
public abstract partial class SetupLinkTests(DocketServer server)
{
    [Fact]
    public async Task A_link_issued_once_works_on_another_server_over_the_same_database_and_never_again()
    {
        var name = "officer-new-" + server.NewANumber();
        await server.Users.AddAsync(name, "officer", "NYC");
        var token = await server.App.Services.GetRequiredService<StaffCredentials>().IssueSetupAsync(name, Duration.FromDays(7));
        await using var other = await new TestServerBuilder { Database = server.Target, Clock = server.Clock }.StartAsync();
        using var browser = PageClient.Anonymous(other.Address);

        var page = await browser.Http.GetStringAsync($"/setup/{token}");
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        var secret = TotpCodes.FromBase32(WebUtility.HtmlDecode(Secret().Match(page).Groups[1].Value));
        const string password = "marmalade lighthouse under the wide orchard";
        var code = TotpCodes.Compute(secret, server.Clock.GetCurrentInstant());
        using var done = await browser.PostFormAsync($"/setup/{token}", [new("password", password), new("confirmation", password), new("code", code)], tokenFrom: $"/setup/{token}");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Set-up finished", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var again = await PageClient.Anonymous(server.Kit.Address).Http.GetAsync($"/setup/{token}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // The code used to enrol is spent too: the next step's code signs in.
        server.Clock.Advance(Duration.FromSeconds(30));
        using var signIn = await PageClient.Anonymous(server.Kit.Address).SignInAsync(name, password, TotpCodes.Compute(secret, server.Clock.GetCurrentInstant()));
        server.Clock.Advance(Duration.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("short phrase", "at least 15 characters")]
    [InlineData("passwordpassword123", "common or breached")]
    [InlineData("Correct Horse Battery Staple", "common or breached")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa", "do not repeat")]
    public async Task A_password_that_800_63B_refuses_keeps_the_link_and_says_why(string password, string why)
    {
        var name = "officer-weak-" + server.NewANumber();
        await server.Users.AddAsync(name, "officer", "NYC");
        var token = await server.App.Services.GetRequiredService<StaffCredentials>().IssueSetupAsync(name, Duration.FromDays(7));
        using var browser = PageClient.Anonymous(server.Kit.Address);

        using var refused = await browser.PostFormAsync($"/setup/{token}", [new("password", password), new("confirmation", password), new("code", "000000")], tokenFrom: $"/setup/{token}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(why, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await server.App.Services.GetRequiredService<StaffCredentials>().FindSetupAsync(token));
    }

    [GeneratedRegex("id=\"totp-secret\">([^<]+)<")]
    private static partial Regex Secret();
}

public sealed class SqliteSetupLinkTests(SqliteServer server) : SetupLinkTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSetupLinkTests(PostgresServer server) : SetupLinkTests(server), IClassFixture<PostgresServer>;
