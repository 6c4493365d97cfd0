using Docket.Cli.Tests.Import;
using Docket.Cli.Tests.Infrastructure;

namespace Docket.Cli.Tests.Databases;

/// <summary>
/// The commands that may create a database (serve, demo, import, users add) say on standard error
/// which one they used, and whether they created it, so that a typo in <c>--db</c> shows at once.
/// </summary>
public abstract class CreatingCommandsSayWhichDatabaseTests(DatabaseKind kind)
{
    [Fact]
    public async Task UsersAddSaysItCreatedTheDatabaseThenThatItExists()
    {
        await using var missing = MissingDatabase.Create(kind);

        var first = await Shell.RunAsync("users", "add", "auditor-first", "--role", "auditor", "--db", missing.DbArgument);
        var second = await Shell.RunAsync("users", "add", "auditor-second", "--role", "auditor", "--db", missing.DbArgument);

        Assert.True(first.ExitCode == DocketCli.Ok, first.ToString());
        Assert.True(second.ExitCode == DocketCli.Ok, second.ToString());
        var created = first.StderrLines[0];
        Assert.StartsWith("docket: using ", created, StringComparison.Ordinal);
        Assert.Contains(missing.Named, created, StringComparison.Ordinal);
        Assert.EndsWith(" (created)", created, StringComparison.Ordinal);
        Assert.Equal(created.Replace(" (created)", " (existing)", StringComparison.Ordinal), second.StderrLines[0]);
    }

    [Fact]
    public async Task DemoSaysWhichDatabaseItUsed()
    {
        await using var missing = MissingDatabase.Create(kind);

        var run = await Shell.RunAsync("demo", "--cases", "2", "--seed", "7", "--db", missing.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        var line = Shell.AssertSaysOnlyWhichDatabase(run);
        Assert.Contains(missing.Named, line, StringComparison.Ordinal);
        Assert.EndsWith(" (created)", line, StringComparison.Ordinal);
    }
}

public sealed class CreatingCommandsSayWhichDatabaseOnSqlite() : CreatingCommandsSayWhichDatabaseTests(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task ImportIntoARelativePathSaysItsAbsolutePath()
    {
        await using var missing = MissingDatabase.Create(DatabaseKind.Sqlite);
        var file = Path.Combine(missing.Folder, "one.ndjson");
        await File.WriteAllTextAsync(file, """{"aNumber":"212345670","type":"CaseOpened","on":"2024-02-01","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-01-02","citizenship":"GTM","office":"NYC"}""" + "\n");
        var start = ChildDocket.Start(missing.Folder, "import", file, "--db", "sqlite:new.db");
        start.WorkingDirectory = missing.Folder;

        var run = await ChildDocket.RunToEndAsync(start);

        Assert.True(run.ExitCode == DocketCli.Ok, run.Output + run.Error);
        Assert.Equal($"docket: using sqlite:{Path.Combine(missing.Folder, "new.db")} (created)", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}

public sealed class CreatingCommandsSayWhichDatabaseOnPostgres() : CreatingCommandsSayWhichDatabaseTests(DatabaseKind.Postgres);
