namespace Docket.Cli.Tests.Infrastructure;

/// <summary>A fresh SQLite database file, with the schema in place, shared by the tests of one class.</summary>
public sealed class SqliteFile : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is not ready.");

    /// <summary>What <c>--db</c> takes for this file.</summary>
    public string Db => Database.DbArgument;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(DatabaseKind.Sqlite);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
