using System.Data.Common;
using Docket.Domain.Statistics;
using Sql = Docket.Store.Audit.Sql;

namespace Docket.Store.Statistics;

/// <summary>
/// What each case adds to the statistics as stored, and the position of the log they count to:
/// read and written by the projection's steps and by the event writer when it counts its own
/// events (<see cref="CountedByTheWriter"/>), always inside the caller's transaction when there is one.
/// </summary>
internal static class CaseContributions
{
    public static async Task<long> PositionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await Sql.LongAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM stats_position", cancellationToken);

    public static async Task MoveAsync(DbConnection connection, DbTransaction transaction, long position, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "INSERT INTO stats_position (id, position) VALUES (1, @p) ON CONFLICT (id) DO UPDATE SET position = excluded.position");
        Sql.Add(command, "@p", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored contribution text of each of <paramref name="cases"/> that has one.</summary>
    public static async Task<List<(string ANumber, string Facts)>> ReadAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> cases, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "");
        command.CommandText = $"SELECT a_number, facts FROM stats_case_contributions WHERE a_number IN ({InList(command, cases)})";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>
    /// Writes each case's contribution where it changed. Most events (an address, a hearing
    /// scheduled) change no statistics fact, and rewriting every case of a step kept SQLite's one
    /// write lock, which the event writer waits for, several times longer.
    /// </summary>
    public static async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> cases, IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, CaseContribution> after, CancellationToken cancellationToken)
    {
        await using var save = Sql.Command(connection, transaction, "INSERT INTO stats_case_contributions (a_number, facts) VALUES (@a, @f) ON CONFLICT (a_number) DO UPDATE SET facts = excluded.facts");
        await using var forget = Sql.Command(connection, transaction, "DELETE FROM stats_case_contributions WHERE a_number = @a");
        foreach (var aNumber in cases)
        {
            var facts = after.TryGetValue(aNumber, out var contribution) ? ContributionText.Write(contribution) : "";
            if (facts == stored.GetValueOrDefault(aNumber, ""))
            {
                continue;
            }

            var command = facts.Length == 0 ? forget : save;
            Sql.Set(command, "@a", aNumber);
            if (facts.Length > 0)
            {
                Sql.Set(command, "@f", facts);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static string InList(DbCommand command, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@c{i}";
            Sql.Add(command, names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
