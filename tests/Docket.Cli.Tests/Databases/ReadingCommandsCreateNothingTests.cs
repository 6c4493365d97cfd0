using Docket.Cli.Tests.Import;
using Docket.Cli.Tests.Infrastructure;
using Docket.Store;

namespace Docket.Cli.Tests.Databases;

/// <summary>
/// Commands that read (or change) an existing log never create or migrate one. They used to:
/// <c>docket verify --db sqlite:typo.db</c> made an empty database and said
/// <c>intact: 0 events in 0 cases</c> (exit 0); <c>checkpoint export</c> even made a key and
/// signed the empty tree.
/// </summary>
public abstract class ReadingCommandsCreateNothingTests(DatabaseKind kind)
{
    public static TheoryData<string, string> ReadingCommands => new()
    {
        { "verify", "verify reads an existing database" },
        { "export", "export reads an existing database" },
        { "checkpoint export", "checkpoint export reads an existing database" },
        { "users revoke someone", "users revoke changes an existing database" },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task ReadingAMissingDatabaseExits2AndCreatesNothing(string command, string purpose)
    {
        await using var missing = MissingDatabase.Create(kind);
        // For PostgreSQL the default key would be ./docket-checkpoint-key.pem; keep it in the watched folder.
        string[] key = kind == DatabaseKind.Postgres && command == "checkpoint export" ? ["--key", Path.Combine(missing.Folder, "key.pem")] : [];

        var run = await Shell.RunAsync([.. command.Split(' '), "--db", missing.DbArgument, .. key]);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.StartsWith("docket: no database at ", line, StringComparison.Ordinal);
        Assert.Contains(missing.Named, line, StringComparison.Ordinal);
        Assert.EndsWith($"({purpose}; use 'docket serve' or 'docket import' to create one)", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        await missing.AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task VerifyOfADatabaseWithoutDocketTablesExits2AndMigratesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        // Someone else's database: it exists, with a table of its own and none of Docket's.
        await database.ExecuteAsync("CREATE TABLE notes (body TEXT)");
        var before = await TableCountAsync(database);

        var run = await Shell.RunAsync("verify", "--db", database.DbArgument);

        var line = Shell.AssertFailedWithOneLine(run);
        Assert.StartsWith("docket: no Docket database at ", line, StringComparison.Ordinal);
        Assert.Equal(before, await TableCountAsync(database));
    }

    [Fact]
    public async Task VerifyOfAnOlderSchemaExits2InsteadOfMigrating()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await new DocketDatabase(database.Target).MigrateAsync();
        // As if written by an older docket: its last schema step not applied yet.
        await database.ExecuteAsync("""DELETE FROM "__EFMigrationsHistory" WHERE migration_id = (SELECT MAX(migration_id) FROM "__EFMigrationsHistory")""");
        var applied = await database.ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """);

        var verify = await Shell.RunAsync("verify", "--db", database.DbArgument);
        var export = await Shell.RunAsync("export", "--db", database.DbArgument);

        var line = Shell.AssertFailedWithOneLine(verify);
        Assert.Contains("has an older schema than this docket (1 upgrade step not applied", line, StringComparison.Ordinal);
        Assert.EndsWith("(verify reads an existing database and does not upgrade it; starting 'docket serve' on it once upgrades it)", line, StringComparison.Ordinal);
        Assert.Contains("older schema", Shell.AssertFailedWithOneLine(export), StringComparison.Ordinal);
        Assert.Equal(applied, await database.ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
    }

    [Fact]
    public async Task VerifyOfASchemaFromANewerDocketExits2()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await new DocketDatabase(database.Target).MigrateAsync();
        await database.ExecuteAsync("""INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ('29991231000000_FromAFutureDocket', '99.0.0')""");

        var line = Shell.AssertFailedWithOneLine(await Shell.RunAsync("verify", "--db", database.DbArgument));

        Assert.Contains("was upgraded by a newer docket (schema step 29991231000000_FromAFutureDocket", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyOfAnExistingDatabaseStillRuns()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await new DocketDatabase(database.Target).MigrateAsync();

        var run = await Shell.RunAsync("verify", "--db", database.DbArgument);

        Assert.True(run.ExitCode == DocketCli.Ok, run.ToString());
        Assert.StartsWith("intact: 0 events in 0 cases", Assert.Single(run.StdoutLines), StringComparison.Ordinal);
    }

    private Task<long> TableCountAsync(TestDatabase database) => database.ScalarAsync(kind == DatabaseKind.Postgres
        ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
        : "SELECT COUNT(*) FROM sqlite_master");
}

public sealed class ReadingCommandsCreateNothingOnSqlite() : ReadingCommandsCreateNothingTests(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task VerifyOfAMissingRelativePathNamesItsAbsolutePath()
    {
        await using var missing = MissingDatabase.Create(DatabaseKind.Sqlite);
        var start = ChildDocket.Start(missing.Folder, "verify", "--db", "sqlite:typo.db");
        start.WorkingDirectory = missing.Folder;

        var run = await ChildDocket.RunToEndAsync(start);

        Assert.Equal(DocketCli.Failed, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"docket: no database at {Path.Combine(missing.Folder, "typo.db")} (verify reads an existing database;", line, StringComparison.Ordinal);
        await missing.AssertNothingCreatedAsync();
    }
}

public sealed class ReadingCommandsCreateNothingOnPostgres() : ReadingCommandsCreateNothingTests(DatabaseKind.Postgres);
