using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Store;

/// <summary>
/// A database driver's failure as one line a person can act on, so that callers (the CLI) name
/// what went wrong without knowing the drivers' exception types.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>The line for <paramref name="ex"/>, or null when it is not a database driver's failure.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException socket } => $"cannot reach PostgreSQL: {socket.Message}",
        PostgresException pg => $"PostgreSQL refused: {pg.MessageText}",
        SqliteException sqlite => $"SQLite: {sqlite.Message}",
        _ => null,
    };
}
