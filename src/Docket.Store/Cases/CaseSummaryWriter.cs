using System.Data.Common;
using Docket.Store.Audit;
using Npgsql;

namespace Docket.Store.Cases;

/// <summary>Writes case summary rows inside a caller's transaction (insert, or update all but the access code).</summary>
internal static class CaseSummaryWriter
{
    private const string Upsert = """
        INSERT INTO cases (a_number, family_name, given_names, date_of_birth, citizenship, office, stage, version, access_code_hash, attorney_bar_number, next_hearing_on)
        VALUES (@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)
        ON CONFLICT (a_number) DO UPDATE SET family_name = excluded.family_name, given_names = excluded.given_names,
          date_of_birth = excluded.date_of_birth, citizenship = excluded.citizenship, office = excluded.office,
          stage = excluded.stage, version = excluded.version, attorney_bar_number = excluded.attorney_bar_number,
          next_hearing_on = excluded.next_hearing_on
        """;

    /// <summary>
    /// Many summaries in one statement on PostgreSQL (arrays unnested into rows), added with their
    /// deadline rows to <paramref name="later"/> when the caller sends its writes together; or one
    /// prepared statement rebound per row on SQLite, which runs in-process and has no round trips to save.
    /// </summary>
    /// <remarks>Each case at most once: PostgreSQL cannot update one row twice in one statement.</remarks>
    public static async Task UpsertManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseRow> summaries, CancellationToken cancellationToken, Statements? later = null)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection)
        {
            var statements = later ?? new Statements();
            AddUnnested(statements, summaries);
            await RunningDeadlinesWriter.WriteAsync(connection, transaction, summaries, statements, cancellationToken);
            if (later is null)
            {
                await statements.ExecuteAsync(connection, transaction, cancellationToken);
            }

            return;
        }

        await UpsertEachAsync(connection, transaction, summaries, cancellationToken);
        await RunningDeadlinesWriter.WriteAsync(connection, transaction, summaries, null, cancellationToken);
    }

    private static async Task UpsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseRow> summaries, CancellationToken cancellationToken)
    {
        await using var each = Sql.Command(connection, transaction, Upsert);
        foreach (var summary in summaries)
        {
            Bind(each, summary);
            await each.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddUnnested(Statements statements, IReadOnlyList<CaseRow> summaries) =>
        statements.Add(
            Upsert.Replace("VALUES (@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)", "SELECT * FROM unnest(@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)", StringComparison.Ordinal),
            ("a", summaries.Select(s => s.ANumber).ToArray()),
            ("fn", summaries.Select(s => s.FamilyName).ToArray()),
            ("gn", summaries.Select(s => s.GivenNames).ToArray()),
            ("dob", summaries.Select(s => s.DateOfBirth).ToArray()),
            ("c", summaries.Select(s => s.Citizenship).ToArray()),
            ("o", summaries.Select(s => s.Office).ToArray()),
            ("s", summaries.Select(s => s.Stage).ToArray()),
            ("v", summaries.Select(s => s.Version).ToArray()),
            ("ac", summaries.Select(s => s.AccessCodeHash).ToArray()),
            ("bar", summaries.Select(s => s.AttorneyBarNumber).ToArray()),
            ("nh", summaries.Select(s => s.NextHearingOn).ToArray()));

    private static void Bind(DbCommand command, CaseRow summary)
    {
        Sql.Set(command, "@a", summary.ANumber);
        Sql.Set(command, "@fn", summary.FamilyName);
        Sql.Set(command, "@gn", summary.GivenNames);
        Sql.Set(command, "@dob", summary.DateOfBirth);
        Sql.Set(command, "@c", summary.Citizenship);
        Sql.Set(command, "@o", summary.Office);
        Sql.Set(command, "@s", summary.Stage);
        Sql.Set(command, "@v", summary.Version);
        Sql.Set(command, "@ac", summary.AccessCodeHash);
        Sql.Set(command, "@bar", (object?)summary.AttorneyBarNumber ?? DBNull.Value);
        Sql.Set(command, "@nh", (object?)summary.NextHearingOn ?? DBNull.Value);
    }
}
