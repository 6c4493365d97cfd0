using System.Data.Common;
using Docket.Domain.Events;
using Docket.Store.Audit;
using Npgsql;

namespace Docket.Store.Cases;

/// <summary>
/// Keeps what the caseload lists of My work read, inside the summary writer's transaction:
/// each case's rows of <c>case_deadlines</c> (replaced by the summary's timeline) and its
/// <c>last_recorded_at</c> and pending departure report, read from the events the same
/// transaction holds.
/// </summary>
internal static class RunningDeadlinesWriter
{
    private const string LastRecorded = "UPDATE cases SET " + FromLog.Columns;

    private const string Insert = """
        INSERT INTO case_deadlines (a_number, seq, kind, due, rule, listed_from, listed_until, office, attorney_bar_number)
        VALUES (@a, @s, @k, @d, @r, @f, @u, @o, @bar)
        """;

    private sealed record Row(string ANumber, int Seq, string Kind, string Due, string Rule, string From, string Until, string Office, string? Bar);

    private static List<Row> Rows(IReadOnlyList<CaseRow> summaries) =>
        [.. summaries.SelectMany(s => s.RunningDeadlines.Select((listed, i) => new Row(
            s.ANumber, i, listed.Deadline.Kind, Date(listed.Deadline.Due), listed.Deadline.Rule,
            Date(listed.ListedFrom), Date(listed.ListedUntil), s.Office, s.AttorneyBarNumber)))];

    private static string Date(NodaTime.LocalDate date) => EventJson.DatePattern.Format(date);

    /// <summary>Writes now, or on PostgreSQL adds the statements to <paramref name="later"/> (one round trip with the caller's other writes).</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseRow> summaries, Statements? later, CancellationToken cancellationToken)
    {
        var rows = Rows(summaries);
        if (connection is NpgsqlConnection)
        {
            var statements = later ?? new Statements();
            var aNumbers = summaries.Select(s => s.ANumber).ToArray();
            statements.Add(LastRecorded + " WHERE a_number = ANY(@a)", ("a", aNumbers));
            statements.Add("DELETE FROM case_deadlines WHERE a_number = ANY(@a)", ("a", aNumbers));
            if (rows.Count > 0)
            {
                statements.Add(
                    Insert.Replace("VALUES (@a, @s, @k, @d, @r, @f, @u, @o, @bar)", "SELECT * FROM unnest(@a, @s, @k, @d, @r, @f, @u, @o, @bar)", StringComparison.Ordinal),
                    ("a", rows.Select(r => r.ANumber).ToArray()),
                    ("s", rows.Select(r => r.Seq).ToArray()),
                    ("k", rows.Select(r => r.Kind).ToArray()),
                    ("d", rows.Select(r => r.Due).ToArray()),
                    ("r", rows.Select(r => r.Rule).ToArray()),
                    ("f", rows.Select(r => r.From).ToArray()),
                    ("u", rows.Select(r => r.Until).ToArray()),
                    ("o", rows.Select(r => r.Office).ToArray()),
                    ("bar", rows.Select(r => r.Bar).ToArray()));
            }

            if (later is null)
            {
                await statements.ExecuteAsync(connection, transaction, cancellationToken);
            }

            return;
        }

        await using var last = Sql.Command(connection, transaction, LastRecorded + " WHERE a_number = @a");
        await using var delete = Sql.Command(connection, transaction, "DELETE FROM case_deadlines WHERE a_number = @a");
        foreach (var summary in summaries)
        {
            foreach (var command in new[] { last, delete })
            {
                Sql.Set(command, "@a", summary.ANumber);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var each = Sql.Command(connection, transaction, Insert);
        foreach (var row in rows)
        {
            Sql.Set(each, "@a", row.ANumber);
            Sql.Set(each, "@s", row.Seq);
            Sql.Set(each, "@k", row.Kind);
            Sql.Set(each, "@d", row.Due);
            Sql.Set(each, "@r", row.Rule);
            Sql.Set(each, "@f", row.From);
            Sql.Set(each, "@u", row.Until);
            Sql.Set(each, "@o", row.Office);
            Sql.Set(each, "@bar", (object?)row.Bar ?? DBNull.Value);
            await each.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
