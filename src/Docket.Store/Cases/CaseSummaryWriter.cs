using System.Data.Common;

namespace Docket.Store.Cases;

/// <summary>Writes case summary rows inside a caller's transaction (insert, or update all but the access code).</summary>
internal static class CaseSummaryWriter
{
    public static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, CaseRow summary)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO cases (a_number, family_name, given_names, date_of_birth, citizenship, office, stage, version, access_code_hash, attorney_bar_number, next_hearing_on)
            VALUES (@a, @fn, @gn, @dob, @c, @o, @s, @v, @ac, @bar, @nh)
            ON CONFLICT (a_number) DO UPDATE SET family_name = excluded.family_name, given_names = excluded.given_names,
              date_of_birth = excluded.date_of_birth, citizenship = excluded.citizenship, office = excluded.office,
              stage = excluded.stage, version = excluded.version, attorney_bar_number = excluded.attorney_bar_number,
              next_hearing_on = excluded.next_hearing_on
            """;
        Add(command, "@a", summary.ANumber);
        Add(command, "@fn", summary.FamilyName);
        Add(command, "@gn", summary.GivenNames);
        Add(command, "@dob", summary.DateOfBirth);
        Add(command, "@c", summary.Citizenship);
        Add(command, "@o", summary.Office);
        Add(command, "@s", summary.Stage);
        Add(command, "@v", summary.Version);
        Add(command, "@ac", summary.AccessCodeHash);
        Add(command, "@bar", (object?)summary.AttorneyBarNumber ?? DBNull.Value);
        Add(command, "@nh", (object?)summary.NextHearingOn ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
