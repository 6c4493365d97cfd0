using Npgsql;

namespace Docket.Cli.Tests.Infrastructure;

/// <summary>
/// A <c>--db</c> naming a database that does not exist: <c>missing.db</c> in a fresh, empty
/// folder, or a PostgreSQL database name never created on the test server. The folder is also
/// where a test puts key files and runs the program, so "nothing was created" is "the folder
/// is still empty (and, for PostgreSQL, the server has no such database)".
/// </summary>
public sealed class MissingDatabase : IAsyncDisposable
{
    private readonly string? server;
    private readonly string? name;

    private MissingDatabase(DatabaseKind kind)
    {
        Kind = kind;
        Folder = Directory.CreateTempSubdirectory("docket-missing-db-").FullName;
        if (kind == DatabaseKind.Postgres)
        {
            server = TestDatabase.PostgresServer();
            name = "docket_m_" + Guid.NewGuid().ToString("N");
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            DbArgument = "postgres:" + connection;
            Named = $"Database={name}";
        }
        else
        {
            Named = Path.Combine(Folder, "missing.db");
            DbArgument = "sqlite:" + Named;
        }
    }

    public DatabaseKind Kind { get; }

    /// <summary>A fresh folder, empty until the program under test puts something there.</summary>
    public string Folder { get; }

    public string DbArgument { get; }

    /// <summary>What a refusal must name: the SQLite file's absolute path, or <c>Database=NAME</c> in the PostgreSQL connection it shows.</summary>
    public string Named { get; }

    public static MissingDatabase Create(DatabaseKind kind) => new(kind);

    /// <summary>Asserts nothing was created: no file in the folder (no .db, -wal, -shm or key) and no PostgreSQL database.</summary>
    public async Task AssertNothingCreatedAsync()
    {
        Assert.Empty(Directory.EnumerateFileSystemEntries(Folder));
        if (server is not null)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM pg_database WHERE datname = @name";
            command.Parameters.AddWithValue("name", name!);
            Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0, $"the database {name} was created");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            // In case a test found the bug: what the program wrongly created is removed too.
            await TestDatabase.ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        Directory.Delete(Folder, recursive: true);
    }
}
