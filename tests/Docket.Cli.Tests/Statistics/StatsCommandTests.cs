using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Statistics;

/// <summary><c>docket stats release</c> and <c>docket stats rebuild</c> on a demo database.</summary>
public sealed class StatsCommandTests : IAsyncLifetime
{
    private TestDatabase? database;

    private string Db => database!.DbArgument;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var demo = await Shell.RunAsync("demo", "--cases", "60", "--seed", "11", "--db", Db);
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_release_is_issued_once_and_issuing_again_without_a_change_issues_nothing()
    {
        var first = await Shell.RunAsync("stats", "release", "--db", Db);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("release 1 issued at ", first.StdoutLines.Single(), StringComparison.Ordinal);
        Assert.Contains("First release", first.Stdout, StringComparison.Ordinal);

        var again = await Shell.RunAsync("stats", "release", "--db", Db);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("release 1 (through ", again.StdoutLines.Single(), StringComparison.Ordinal);
        Assert.EndsWith("is current: no figure changed, nothing issued", again.StdoutLines.Single(), StringComparison.Ordinal);

        var earlier = await Shell.RunAsync("stats", "release", "--through", "2020-01", "--db", Db);
        Assert.Contains("already covers through", Shell.AssertFailedWithOneLine(earlier), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_counts_the_whole_log_and_a_month_not_over_is_refused_in_one_line()
    {
        var rebuilt = await Shell.RunAsync("stats", "rebuild", "--db", Db);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.Matches("^statistics rebuilt from the log: [1-9][0-9]* events counted$", rebuilt.StdoutLines.Single());

        var future = await Shell.RunAsync("stats", "release", "--through", "2999-01", "--db", Db);
        Assert.Contains("complete months only", Shell.AssertFailedWithOneLine(future), StringComparison.Ordinal);

        var badMonth = await Shell.RunAsync("stats", "release", "--through", "March", "--db", Db);
        Assert.Contains("--through 'March' must be a month written YYYY-MM", Shell.AssertFailedWithOneLine(badMonth), StringComparison.Ordinal);
    }
}
