using Docket.Store.Faults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Docket.Store.Tests.Faults;

/// <summary>
/// The classifier, fed the drivers' real failures: the ones that mean "the database is
/// unavailable" get their cause (the web host answers them 503), and a request's own fault (a
/// constraint, a syntax error) is not mistaken for one (it stays a bug to fix).
/// </summary>
public sealed class DatabaseFailuresTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("docket-failures-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<Exception> FailureOfAsync(string connectionString, string sql)
    {
        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var connection = connectionString.StartsWith("Host=", StringComparison.Ordinal)
                ? (System.Data.Common.DbConnection)new NpgsqlConnection(connectionString)
                : new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        });
        Assert.NotNull(ex);
        return ex;
    }

    [Fact]
    public async Task A_write_to_a_SQLite_file_opened_read_only_is_read_only()
    {
        var path = Path.Combine(folder, "ro.db");
        File.Create(path).Dispose();

        var ex = await FailureOfAsync($"Data Source={path};Mode=ReadOnly", "CREATE TABLE t (x INTEGER)");

        Assert.Equal(UnavailableCause.ReadOnly, DatabaseFailures.Classify(ex)?.Cause);
    }

    [Fact]
    public async Task A_SQLite_file_in_a_missing_folder_cannot_be_opened()
    {
        var ex = await FailureOfAsync($"Data Source={Path.Combine(folder, "gone", "x.db")}", "SELECT 1");

        Assert.Equal(UnavailableCause.CannotOpen, DatabaseFailures.Classify(ex)?.Cause);
    }

    [Fact]
    public async Task A_SQLite_constraint_or_syntax_error_is_not_an_unavailable_database()
    {
        var path = Path.Combine(folder, "c.db");
        Assert.Null(DatabaseFailures.Classify(await FailureOfAsync($"Data Source={path}", "CREATE TABLE t (x INTEGER UNIQUE); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);")));
        Assert.Null(DatabaseFailures.Classify(await FailureOfAsync($"Data Source={path}", "SELEKT 1")));
    }

    [Fact]
    public async Task A_PostgreSQL_that_refuses_connections_is_unreachable_even_wrapped_as_EF_Core_wraps_it()
    {
        var ex = await FailureOfAsync("Host=127.0.0.1;Port=1;Username=docket;Database=docket;Timeout=3", "SELECT 1");

        Assert.Equal(UnavailableCause.Unreachable, DatabaseFailures.Classify(ex)?.Cause);
        Assert.Equal(UnavailableCause.Unreachable, DatabaseFailures.Classify(new DbUpdateException("saving failed", ex))?.Cause);
        Assert.Equal(UnavailableCause.Unreachable, DatabaseFailures.Classify(new InvalidOperationException("transient", ex))?.Cause);
        Assert.Equal(5, DatabaseFailures.Classify(ex)!.RetryAfterSeconds);
    }

    [Fact]
    public async Task A_PostgreSQL_syntax_error_is_not_an_unavailable_database()
    {
        await using var database = await TestDatabase.CreateAsync(StoreKind.Postgres);

        var ex = await FailureOfAsync(database.Database.Target.ConnectionString, "SELEKT 1");

        Assert.IsType<PostgresException>(ex);
        Assert.Null(DatabaseFailures.Classify(ex));
    }

    [Fact]
    public void A_request_the_caller_gave_up_on_is_not_an_outage()
    {
        var cancelled = new OperationCanceledException("cancelled", new TimeoutException());

        Assert.Null(DatabaseFailures.Classify(cancelled));
    }
}
