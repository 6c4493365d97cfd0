using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Store.Tests.Infrastructure;

/// <summary>The two databases the Store runs on; every Store test runs on both.</summary>
public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// A real, empty database that exists only for one test: a fresh SQLite file, or a fresh
/// database on the PostgreSQL server named by <c>DOCKET_TEST_POSTGRES</c>. Disposing removes it.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DOCKET_TEST_POSTGRES";

    protected TestDatabase(DatabaseTarget target) => Database = new DocketDatabase(target);

    public DocketDatabase Database { get; }

    /// <summary>SQL answering how many of our own (append-only) triggers guard <c>events</c>.</summary>
    public abstract string CountEventTriggersSql { get; }

    public static Task<TestDatabase> CreateAsync(StoreKind kind) => kind switch
    {
        StoreKind.Sqlite => Task.FromResult<TestDatabase>(SqliteTestDatabase.Create()),
        StoreKind.Postgres => PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Does what an administrator with full database access could do to get past the
    /// append-only guard, on this connection: the hash chain is what must catch them then.
    /// </summary>
    public abstract Task BypassAppendOnlyGuardAsync(DbConnection connection);

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string path;

    private SqliteTestDatabase(string path)
        : base(DatabaseTarget.Parse("sqlite:" + path)) => this.path = path;

    public override string CountEventTriggersSql =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'";

    public static SqliteTestDatabase Create() =>
        new(Path.Combine(Path.GetTempPath(), $"docket-store-test-{Guid.NewGuid():N}.db"));

    public override async Task BypassAppendOnlyGuardAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;";
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(Database.Target.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's own cleaning.
            }
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string serverConnectionString;
    private readonly string name;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
        : base(DatabaseTarget.Parse("postgres:" + connectionString))
    {
        this.serverConnectionString = serverConnectionString;
        this.name = name;
    }

    public override string CountEventTriggersSql =>
        "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal";

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL half of the Store tests cannot run (it is never skipped). "
                + "Run ./run-tests at the repository root: it starts a throwaway PostgreSQL server and sets "
                + $"{PostgresVariable}=\"Host=127.0.0.1;Port=PORT;Username=postgres;Database=docket_test\" for the tests.");
        }

        var name = "docket_t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(server, name, builder.ConnectionString);
    }

    public override async Task BypassAppendOnlyGuardAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE events DISABLE TRIGGER USER";
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(Database.Target.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync();
        await using var command = server.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
