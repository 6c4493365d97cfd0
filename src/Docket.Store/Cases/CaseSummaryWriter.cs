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
    /// Many summaries in one statement on PostgreSQL (arrays unnested into rows), or one prepared
    /// statement rebound per row on SQLite, which runs in-process and has no round trips to save.
    /// </summary>
    /// <remarks>Each case at most once: PostgreSQL cannot update one row twice in one statement.</remarks>
    public static async Task UpsertManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseRow> summaries, CancellationToken cancellationToken)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await UpsertUnnestedAsync(postgres, (NpgsqlTransaction)transaction, summaries, cancellationToken);
        }
        else
        {
            await UpsertEachAsync(connection, transaction, summaries, cancellationToken);
        }

        await RunningDeadlinesWriter.WriteAsync(connection, transaction, summaries, cancellationToken);
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

    private static async Task UpsertUnnestedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CaseRow> summaries, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            Upsert.Replace("VALUES (@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)",
                "SELECT * FROM unnest(@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)", StringComparison.Ordinal),
            connection,
            transaction);
        void Add<T>(string name, Func<CaseRow, T> column) => command.Parameters.Add(new NpgsqlParameter<T[]>(name, [.. summaries.Select(column)]));
        Add("@a", s => s.ANumber);
        Add("@fn", s => s.FamilyName);
        Add("@gn", s => s.GivenNames);
        Add("@dob", s => s.DateOfBirth);
        Add("@c", s => s.Citizenship);
        Add("@o", s => s.Office);
        Add("@s", s => s.Stage);
        Add("@v", s => s.Version);
        Add("@ac", s => s.AccessCodeHash);
        Add("@bar", s => s.AttorneyBarNumber);
        Add("@nh", s => s.NextHearingOn);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
