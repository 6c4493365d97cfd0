using Microsoft.Data.Sqlite;
using Npgsql;

namespace Docket.Cli;

/// <summary>Turns a failure into the one line a person reads on the terminal.</summary>
internal static class CliErrors
{
    public static string Describe(Exception ex) => ex switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException } => $"cannot reach PostgreSQL: {ex.InnerException.Message}",
        PostgresException pg => $"PostgreSQL refused: {pg.MessageText}",
        SqliteException sqlite => $"SQLite: {sqlite.Message}",
        FormatException or ArgumentException or InvalidOperationException or DirectoryNotFoundException or IOException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
