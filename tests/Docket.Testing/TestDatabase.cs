using System.Data.Common;
using Docket.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Testing;

/// <summary>
/// A real, empty database for one test (or one test class): a fresh SQLite file in a fresh temp
/// folder, or a fresh database (<c>docket_t_RANDOM</c>) on the throwaway PostgreSQL server named by
/// <c>DOCKET_TEST_POSTGRES</c>. It has no schema until something migrates it
/// (<see cref="CreateMigratedAsync"/>, or the web host at start). Disposing removes it: the SQLite
/// folder with everything beside the file (-wal, -shm, a default checkpoint key), or the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DOCKET_TEST_POSTGRES";

    private readonly Func<ValueTask> remove;

    private TestDatabase(DatabaseKind kind, string dbArgument, Func<ValueTask> remove)
    {
        Kind = kind;
        DbArgument = dbArgument;
        Target = DatabaseTarget.Parse(dbArgument);
        Database = new DocketDatabase(Target);
        this.remove = remove;
    }

    public DatabaseKind Kind { get; }

    /// <summary><c>sqlite:PATH</c> or <c>postgres:CONNECTION_STRING</c>, as <c>docket --db</c> takes it.</summary>
    public string DbArgument { get; }

    public DatabaseTarget Target { get; }

    /// <summary>The Store's handle on this database.</summary>
    public DocketDatabase Database { get; }

    /// <summary>What someone with database access runs to get past the append-only triggers of <c>events</c>.</summary>
    public string BypassAppendOnlyGuardSql => Kind == DatabaseKind.Postgres
        ? "ALTER TABLE events DISABLE TRIGGER USER;"
        : "DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;";

    /// <summary>SQL answering how many of our own (append-only) triggers guard <c>events</c>.</summary>
    public string CountEventTriggersSql => Kind == DatabaseKind.Postgres
        ? "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal"
        : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'";

    /// <summary>A fresh, empty database (no tables).</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult(CreateSqlite()),
        DatabaseKind.Postgres => CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A fresh database with Docket's schema in place.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseKind kind)
    {
        var database = await CreateAsync(kind);
        await database.Database.MigrateAsync();
        return database;
    }

    /// <summary>
    /// The test PostgreSQL server's connection string, from <c>DOCKET_TEST_POSTGRES</c>. Without it
    /// the PostgreSQL tests fail saying how to run them: they are never skipped.
    /// </summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL half of the tests cannot run (it is never skipped). "
                + "Run ./run-tests (or bench/run) at the repository root: it starts a throwaway PostgreSQL server and sets "
                + $"{PostgresVariable}=\"Host=127.0.0.1;Port=PORT;Username=postgres;Database=docket_test\".");
        }

        return server;
    }

    /// <summary>Runs SQL on the test server itself (CREATE or DROP DATABASE), not in a test database.</summary>
    public static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await Sql.ExecuteAsync(connection, sql);
    }

    public Task<DbConnection> OpenConnectionAsync() => Database.OpenConnectionAsync();

    /// <summary>Runs SQL as an administrator with full access to the database would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await Sql.ExecuteAsync(connection, sql);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        return await Sql.ScalarAsync(connection, sql);
    }

    /// <summary>
    /// Does what an administrator with full database access could do to get past the append-only
    /// guard, on this connection: the hash chain is what must catch them then.
    /// </summary>
    public Task BypassAppendOnlyGuardAsync(DbConnection connection) => Sql.ExecuteAsync(connection, BypassAppendOnlyGuardSql);

    public ValueTask DisposeAsync() => remove();

    private static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("docket-test-").FullName;
        var argument = "sqlite:" + Path.Combine(folder, "docket.db");
        return new TestDatabase(DatabaseKind.Sqlite, argument, () =>
        {
            using (var connection = new SqliteConnection(DatabaseTarget.Parse(argument).ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            TempFolder.Delete(folder);
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        var name = "docket_t_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseKind.Postgres, "postgres:" + connectionString, async () =>
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }
}
