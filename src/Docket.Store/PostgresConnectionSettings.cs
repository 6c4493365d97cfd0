using System.Data.Common;
using Npgsql;

namespace Docket.Store;

/// <summary>
/// The connection string Docket opens PostgreSQL with: the one it was given, with the pool's reset
/// off unless the string sets it, and Npgsql's automatic preparation always off.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>No Reset On Close</c> (Npgsql's default false): a pooled connection is otherwise reset
/// (<c>DISCARD ALL</c> or its equivalent) before its next use, a round of server work per
/// request. Docket leaves no session state to reset: its advisory locks are transaction-level
/// (<c>pg_advisory_xact_lock</c>), and it sets no session variables and makes no temporary
/// tables, listeners or cursors that outlive a transaction.</item>
/// <item><c>Max Auto Prepare</c> is 0 whatever the string says. Once Npgsql has prepared a
/// command, it keeps binding the parameter objects it was prepared with (npgsql/npgsql#3850), and
/// Docket's writers reuse one command for many rows by clearing its parameters and adding new
/// ones; with automatic preparation on, every row after the fifth took the values of an earlier
/// one (found by the statistics projection's property test). Commands Docket prepares itself
/// rebind values on the same parameter objects.</item>
/// </list>
/// </remarks>
public static class PostgresConnectionSettings
{
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var names = given.Keys.Cast<string>().Select(Normalised).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 };
        if (!names.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    // Npgsql accepts a keyword with or without its spaces, in any case.
    private static string Normalised(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
