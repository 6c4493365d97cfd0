using System.Data.Common;
using Npgsql;

namespace Docket.Store;

/// <summary>
/// The connection string Docket opens PostgreSQL with: the one it was given, with the pool's reset
/// off and Npgsql's automatic preparation on, unless the string sets them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>No Reset On Close</c> (Npgsql's default false): a pooled connection is otherwise reset
/// (<c>DISCARD ALL</c> or its equivalent) before its next use, a round of server work per
/// request. Docket leaves no session state to reset: its advisory locks are transaction-level
/// (<c>pg_advisory_xact_lock</c>), and it sets no session variables and makes no temporary
/// tables, listeners or cursors that outlive a transaction.</item>
/// <item><c>Max Auto Prepare</c> (Npgsql's default 0): 64 unless the string sets it. A
/// statement run five times on a connection is prepared on the server, so PostgreSQL stops
/// planning it on every call; planning was half the server's time of each of My work's
/// queries (bench/ANALYSIS.md). Docket's writers that run one command a row rebind values on
/// the same parameter objects (<see cref="Audit.Sql.Set"/>): Npgsql keeps binding the
/// objects a command was prepared with (npgsql/npgsql#3850). A connection pooler that cannot
/// carry prepared statements (PgBouncer before 1.21 in transaction mode) needs
/// <c>Max Auto Prepare=0</c> in the string.</item>
/// </list>
/// </remarks>
public static class PostgresConnectionSettings
{
    /// <summary>How many statements a connection keeps prepared: more than the distinct statements Docket runs often.</summary>
    public const int AutoPrepared = 64;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var names = given.Keys.Cast<string>().Select(Normalised).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!names.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!names.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
        }

        return builder.ConnectionString;
    }

    // Npgsql accepts a keyword with or without its spaces, in any case.
    private static string Normalised(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
