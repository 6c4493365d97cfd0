using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests;

/// <summary><c>--db</c> values that cannot work: exit 2 with one line that says why, for every command.</summary>
public sealed class DatabaseOptionTests
{
    [Theory]
    [InlineData("verify")]
    [InlineData("export")]
    [InlineData("demo")]
    [InlineData("users add someone --role auditor")]
    [InlineData("users revoke someone")]
    [InlineData("serve")]
    public async Task A_database_of_an_unknown_kind_fails_with_exit_2_and_one_line(string command)
    {
        var run = await Shell.RunAsync([.. command.Split(' '), "--db", "mysql:x"]);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("mysql:x", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_SQLite_file_in_a_folder_that_does_not_exist_fails_with_exit_2_and_one_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"docket-no-such-folder-{Guid.NewGuid():N}");

        var run = await Shell.RunAsync("verify", "--db", $"sqlite:{folder}/docket.db");

        Shell.AssertFailedWithOneLine(run);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_is_not_there_fails_with_exit_2_and_one_line()
    {
        var run = await Shell.RunAsync("verify", "--db", "postgres:Host=127.0.0.1;Port=1;Username=postgres;Database=docket;Timeout=5");

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.Contains("PostgreSQL", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_fails_with_exit_2_and_one_line()
    {
        var run = await Shell.RunAsync("rewrite-history");

        Shell.AssertFailedWithOneLine(run);
    }
}
