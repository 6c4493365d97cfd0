using System.Data.Common;
using System.Globalization;
using Docket.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Cli.Tests.Infrastructure;

/// <summary>The two databases Docket runs on.</summary>
public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// A real, empty database: a fresh SQLite file in the temp folder, or a fresh database
/// (<c>docket_c_RANDOM</c>) on the PostgreSQL server named by <c>DOCKET_TEST_POSTGRES</c>.
/// <see cref="DbArgument"/> is what <c>--db</c> takes. Disposing removes it.
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
        this.remove = remove;
    }

    public DatabaseKind Kind { get; }

    /// <summary><c>sqlite:PATH</c> or <c>postgres:CONNECTION_STRING</c>, as given to <c>--db</c>.</summary>
    public string DbArgument { get; }

    public DatabaseTarget Target { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult(CreateSqlite()),
        DatabaseKind.Postgres => CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Kind == DatabaseKind.Postgres
            ? new NpgsqlConnection(Target.ConnectionString)
            : new SqliteConnection(Target.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs SQL as an administrator with full access to the database would.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>What someone with database access does to get past the append-only triggers.</summary>
    public string BypassAppendOnlyGuardSql => Kind == DatabaseKind.Postgres
        ? "ALTER TABLE events DISABLE TRIGGER USER;"
        : "DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;";

    public ValueTask DisposeAsync() => remove();

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"docket-cli-test-{Guid.NewGuid():N}.db");
        var argument = "sqlite:" + path;
        var connectionString = DatabaseTarget.Parse(argument).ConnectionString;
        return new TestDatabase(DatabaseKind.Sqlite, argument, () =>
        {
            using (var connection = new SqliteConnection(connectionString))
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
        });
    }

    /// <summary>The test PostgreSQL server's connection string, from <c>DOCKET_TEST_POSTGRES</c>.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL half of the CLI tests cannot run (it is never skipped). "
                + "Run ./run-tests at the repository root: it starts a throwaway PostgreSQL server and sets "
                + $"{PostgresVariable}=\"Host=127.0.0.1;Port=PORT;Username=postgres;Database=docket_test\" for the tests.");
        }

        return server;
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        var name = "docket_c_" + Guid.NewGuid().ToString("N");
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

    public static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
