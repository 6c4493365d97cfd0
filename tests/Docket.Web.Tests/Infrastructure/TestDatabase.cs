using Docket.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Web.Tests.Infrastructure;

/// <summary>The two databases Docket runs on.</summary>
public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// A real, empty database that lives as long as one test class: a fresh SQLite file in the temp
/// folder, or a fresh database (<c>docket_w_RANDOM</c>) on the PostgreSQL server named by
/// <c>DOCKET_TEST_POSTGRES</c>. Disposing removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DOCKET_TEST_POSTGRES";

    private readonly Func<ValueTask> remove;

    private TestDatabase(DatabaseKind kind, DatabaseTarget target, Func<ValueTask> remove)
    {
        Kind = kind;
        Target = target;
        this.remove = remove;
    }

    public DatabaseKind Kind { get; }

    public DatabaseTarget Target { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult(CreateSqlite()),
        DatabaseKind.Postgres => CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public ValueTask DisposeAsync() => remove();

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"docket-web-test-{Guid.NewGuid():N}.db");
        var target = DatabaseTarget.Parse("sqlite:" + path);
        return new TestDatabase(DatabaseKind.Sqlite, target, () =>
        {
            using (var connection = new SqliteConnection(target.ConnectionString))
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

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL half of the web tests cannot run (it is never skipped). "
                + "Run ./run-tests at the repository root: it starts a throwaway PostgreSQL server and sets "
                + $"{PostgresVariable}=\"Host=127.0.0.1;Port=PORT;Username=postgres;Database=docket_test\" for the tests.");
        }

        var name = "docket_w_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseKind.Postgres, DatabaseTarget.Parse("postgres:" + connectionString), async () =>
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
