using Npgsql;

namespace Docket.Bench;

internal static class Postgres
{
    /// <summary>A new, empty database on the benchmark's server; returns its connection string.</summary>
    public static async Task<string> FreshDatabaseAsync(string serverConnection)
    {
        var name = $"docket_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }
}
