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
    /// <summary>The position of the log the cells count to.</summary>
    public const string PositionQuery = "SELECT COALESCE(MAX(position), 0) FROM stats_position";

    public static async Task<long> PositionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await Sql.LongAsync(connection, transaction, PositionQuery, cancellationToken);

    /// <summary>
    /// The writes that count a step: each cell's change, each case's contribution where it
    /// changed, and the position the cells now count to.
    /// </summary>
    public static void AddCounted(
        Statements statements, IReadOnlyDictionary<string, CaseContribution> before, IReadOnlyDictionary<string, CaseContribution> after,
        IEnumerable<string> cases, IReadOnlyDictionary<string, string> stored, long position)
    {
        CellChanges.Between(before, after).AddTo(statements);
        AddSaves(statements, cases, stored, after);
        AddMove(statements, position);
    }

    private static void AddMove(Statements statements, long position) =>
        statements.Add("INSERT INTO stats_position (id, position) VALUES (1, @p) ON CONFLICT (id) DO UPDATE SET position = excluded.position", ("p", position));

    /// <summary>The stored contribution text of each of <paramref name="cases"/> that has one.</summary>
    public static async Task<List<(string ANumber, string Facts)>> ReadAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> cases, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string)>();
        var read = new Queries();
        AddRead(read, cases, rows);
        await read.ExecuteAsync(connection, transaction, cancellationToken);
        return rows;
    }

    /// <summary>The same read among a transaction's other reads.</summary>
    public static void AddRead(Queries queries, IReadOnlyList<string> cases, List<(string ANumber, string Facts)> rows)
    {
        if (cases.Count > 0)
        {
            queries.Add(
                $"SELECT a_number, facts FROM stats_case_contributions WHERE a_number IN ({string.Join(", ", cases.Select((_, i) => $"@c{i}"))})",
                row => rows.Add((row.GetString(0), row.GetString(1))),
                [.. cases.Select((aNumber, i) => ($"c{i}", (object?)aNumber))]);
        }
    }

    /// <summary>
    /// Writes each case's contribution where it changed. Most events (an address, a hearing
    /// scheduled) change no statistics fact, and rewriting every case of a step kept SQLite's one
    /// write lock, which the event writer waits for, several times longer.
    /// </summary>
    private static void AddSaves(
        Statements statements, IEnumerable<string> cases, IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, CaseContribution> after)
    {
        foreach (var aNumber in cases)
        {
            var facts = after.TryGetValue(aNumber, out var contribution) ? ContributionText.Write(contribution) : "";
            if (facts == stored.GetValueOrDefault(aNumber, ""))
            {
                continue;
            }

            if (facts.Length == 0)
            {
                statements.Add("DELETE FROM stats_case_contributions WHERE a_number = @a", ("a", aNumber));
            }
            else
            {
                statements.Add("INSERT INTO stats_case_contributions (a_number, facts) VALUES (@a, @f) ON CONFLICT (a_number) DO UPDATE SET facts = excluded.facts", ("a", aNumber), ("f", facts));
            }
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
