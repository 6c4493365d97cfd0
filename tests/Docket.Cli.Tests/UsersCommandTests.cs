using Docket.Cli.Tests.Infrastructure;
using Docket.Store;
using Docket.Store.Users;
using NodaTime;

namespace Docket.Cli.Tests;

/// <summary><c>docket users add</c> and <c>docket users revoke</c>.</summary>
public sealed class UsersCommandTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    private UserStore Users => new(new DocketDatabase(file.Database.Target), SystemClock.Instance);

    [Fact]
    public async Task Adding_an_officer_prints_exactly_one_line_the_token_which_then_signs_them_in()
    {
        var run = await Shell.RunAsync("users", "add", "officer-tamsin", "--role", "officer", "--office", "NYC", "--db", file.Db);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var token = Assert.Single(run.StdoutLines);
        Assert.StartsWith("dkt_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', token);
        var user = await Users.FindByTokenAsync(token);
        Assert.NotNull(user);
        Assert.Equal("officer-tamsin", user.Name);
        Assert.Equal(UserRoles.Officer, user.Role);
        Assert.Equal("NYC", user.Office);
        Assert.DoesNotContain(token, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_user_prints_a_one_time_set_up_link_to_standard_error_and_keeps_the_token_the_last_line_of_standard_output()
    {
        var run = await Shell.RunAsync("users", "add", "officer-wren", "--role", "officer", "--office", "NYC", "--server-url", "https://docket.example.test/", "--db", file.Db);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("dkt_", run.StdoutLines[^1], StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(run.Stderr, @"https://docket\.example\.test/setup/(?<token>dks_[A-Za-z0-9_-]+)");
        Assert.True(link.Success, run.Stderr);
        Assert.DoesNotContain(link.Groups["token"].Value, string.Join("\n", run.StdoutLines), StringComparison.Ordinal);
        var credentials = new Docket.Store.Staff.StaffCredentials(new DocketDatabase(file.Database.Target), SystemClock.Instance);
        var invitation = await credentials.FindSetupAsync(link.Groups["token"].Value);
        Assert.NotNull(invitation);
        Assert.Equal("officer-wren", invitation.UserName);
    }

    [Fact]
    public async Task Adding_an_auditor_needs_no_office()
    {
        var run = await Shell.RunAsync("users", "add", "auditor-ines", "--role", "auditor", "--db", file.Db);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var user = await Users.FindByTokenAsync(Assert.Single(run.StdoutLines));
        Assert.NotNull(user);
        Assert.Null(user.Office);
    }

    [Fact]
    public async Task Adding_an_officer_without_an_office_fails_with_exit_2_and_one_line_saying_so()
    {
        var run = await Shell.RunAsync("users", "add", "officer-nowhere", "--role", "officer", "--db", file.Db);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("--office", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(await Users.RevokeAsync("officer-nowhere"), "no user was added");
    }

    [Fact]
    public async Task Adding_a_user_with_an_unknown_role_fails_with_exit_2_and_one_line()
    {
        var run = await Shell.RunAsync("users", "add", "warden-grey", "--role", "warden", "--office", "NYC", "--db", file.Db);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("warden", line, StringComparison.Ordinal);
        Assert.Contains("'auditor'", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(await Users.RevokeAsync("warden-grey"), "no user was added");
    }

    [Fact]
    public async Task Adding_a_name_that_exists_fails_with_exit_2_and_one_line()
    {
        Assert.Equal(DocketCli.Ok, (await Shell.RunAsync("users", "add", "officer-twice", "--role", "officer", "--office", "MIA", "--db", file.Db)).ExitCode);

        var run = await Shell.RunAsync("users", "add", "officer-twice", "--role", "officer", "--office", "MIA", "--db", file.Db);

        Shell.AssertFailedWithOneLine(run);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Revoking_a_user_stops_their_token_working()
    {
        var token = Assert.Single((await Shell.RunAsync("users", "add", "officer-leaving", "--role", "officer", "--office", "CHI", "--db", file.Db)).StdoutLines);
        Assert.NotNull(await Users.FindByTokenAsync(token));

        var run = await Shell.RunAsync("users", "revoke", "officer-leaving", "--db", file.Db);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.Null(await Users.FindByTokenAsync(token));
    }

    [Fact]
    public async Task Revoking_an_unknown_user_fails_with_exit_2_and_one_line_naming_them()
    {
        var run = await Shell.RunAsync("users", "revoke", "nobody-by-this-name", "--db", file.Db);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("nobody-by-this-name", line, StringComparison.Ordinal);
    }
}
