using System.Data.Common;
using System.Globalization;

namespace Docket.Testing;

/// <summary>Plain SQL on an open connection, as an administrator (or an auditor) with database access runs it.</summary>
public static class Sql
{
    public static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as a number (a count, mostly).</summary>
    public static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
