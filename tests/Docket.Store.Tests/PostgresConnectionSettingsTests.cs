using Docket.Store.Tests.Infrastructure;
using Npgsql;

namespace Docket.Store.Tests;

/// <summary>
/// PostgreSQL connections are opened with the pool's reset off unless the connection string says
/// otherwise, and never with Npgsql's automatic preparation (see <see cref="PostgresConnectionSettings"/>).
/// </summary>
public sealed class PostgresConnectionSettingsTests() : StoreTestBase(StoreKind.Postgres)
{
    [Fact]
    public async Task A_pooled_connection_comes_back_without_a_reset()
    {
        await OpenCaseAsync("212000001");
        Db.ForgetConnections(); // so that the pool's one idle connection is the one used below
        long backend;
        await using (var connection = await Db.OpenConnectionAsync())
        {
            backend = await ScalarAsync(connection, "SELECT pg_backend_pid()");
            await ExecuteAsync(connection, "PREPARE docket_kept AS SELECT COUNT(*) FROM events");
        }

        // A reset (DISCARD ALL) would have dropped the statement prepared on the connection.
        await using var again = await Db.OpenConnectionAsync();
        Assert.Equal(backend, await ScalarAsync(again, "SELECT pg_backend_pid()"));
        Assert.Equal(1, await ScalarAsync(again, "SELECT COUNT(*) FROM pg_prepared_statements WHERE name = 'docket_kept'"));
    }

    [Fact]
    public void Bug_auto_prepared_commands_reused_with_new_parameters_wrote_an_earlier_rows_values_so_auto_prepare_stays_off()
    {
        var asked = new NpgsqlConnectionStringBuilder(
            PostgresConnectionSettings.Apply("Host=127.0.0.1;Database=docket;max auto prepare=20;NoResetOnClose=false"));

        Assert.Equal(0, asked.MaxAutoPrepare);
        Assert.False(asked.NoResetOnClose);

        var added = new NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply("Host=127.0.0.1;Database=docket"));
        Assert.Equal(0, added.MaxAutoPrepare);
        Assert.True(added.NoResetOnClose);
        Assert.Equal("docket", added.Database);
    }
}
