using Docket.Store.Tests.Infrastructure;
using Npgsql;

namespace Docket.Store.Tests;

/// <summary>
/// PostgreSQL connections are opened with the pool's reset off and Npgsql's automatic preparation
/// on, unless the connection string says otherwise (see <see cref="PostgresConnectionSettings"/>).
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
    public void Automatic_preparation_is_on_unless_the_connection_string_sets_it()
    {
        var asked = new NpgsqlConnectionStringBuilder(
            PostgresConnectionSettings.Apply("Host=127.0.0.1;Database=docket;max auto prepare=20;NoResetOnClose=false"));
        Assert.Equal(20, asked.MaxAutoPrepare);
        Assert.False(asked.NoResetOnClose);

        // A pooler that cannot carry prepared statements is served by turning it off in the string.
        var off = new NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply("Host=127.0.0.1;Database=docket;MaxAutoPrepare=0"));
        Assert.Equal(0, off.MaxAutoPrepare);

        var added = new NpgsqlConnectionStringBuilder(PostgresConnectionSettings.Apply("Host=127.0.0.1;Database=docket"));
        Assert.Equal(PostgresConnectionSettings.AutoPrepared, added.MaxAutoPrepare);
        Assert.True(added.NoResetOnClose);
        Assert.Equal("docket", added.Database);
    }

    [Fact]
    public async Task A_statement_run_often_is_prepared_on_the_server()
    {
        await OpenCaseAsync("212000002");
        Db.ForgetConnections();
        await using var connection = await Db.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            await ScalarAsync(connection, "SELECT COUNT(*) FROM events WHERE a_number = '212000002'");
        }

        Assert.Equal(1, await ScalarAsync(connection, "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%a_number = ''212000002''%'"));
    }

    /// <summary>
    /// Npgsql keeps binding the parameter objects a command was prepared with
    /// (npgsql/npgsql#3850): a writer that cleared a command's parameters and added new ones for
    /// each row wrote an earlier row's values once the command was prepared. The store's writers
    /// set values on the same parameters (<c>Sql.Set</c>); this keeps any new one from clearing.
    /// </summary>
    [Fact]
    public void Bug_auto_prepared_commands_whose_parameters_were_cleared_and_added_again_wrote_an_earlier_rows_values()
    {
        var store = Path.Combine(Docket.Testing.RepositoryRoot.Path, "src", "Docket.Store");
        var clearing = Directory.EnumerateFiles(store, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Parameters.Clear()", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(store, f))
            .ToList();

        Assert.Empty(clearing);
    }
}
