using System.Data.Common;
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
        await using var each = connection.CreateCommand();
        each.Transaction = transaction;
        each.CommandText = Upsert;
        foreach (var summary in summaries)
        {
            each.Parameters.Clear();
            Bind(each.Parameters, each.CreateParameter, summary);
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

    private static void Bind(DbParameterCollection parameters, Func<DbParameter> create, CaseRow summary)
    {
        void Add(string name, object value)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameters.Add(parameter);
        }

        Add("@a", summary.ANumber);
        Add("@fn", summary.FamilyName);
        Add("@gn", summary.GivenNames);
        Add("@dob", summary.DateOfBirth);
        Add("@c", summary.Citizenship);
        Add("@o", summary.Office);
        Add("@s", summary.Stage);
        Add("@v", summary.Version);
        Add("@ac", summary.AccessCodeHash);
        Add("@bar", (object?)summary.AttorneyBarNumber ?? DBNull.Value);
        Add("@nh", (object?)summary.NextHearingOn ?? DBNull.Value);
    }
}
