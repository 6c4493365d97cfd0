using System.CommandLine;
using Docket.Store;

namespace Docket.Cli;

internal static class CliOptions
{
    /// <summary><c>--db sqlite:PATH | postgres:CONNECTION_STRING</c>; default <c>sqlite:docket.db</c> in the current folder.</summary>
    public static Option<DatabaseTarget> Database() => new("--db")
    {
        Description = "sqlite:PATH or postgres:CONNECTION_STRING (default sqlite:docket.db)",
        DefaultValueFactory = _ => DatabaseTarget.Default,
        CustomParser = result =>
        {
            try
            {
                return DatabaseTarget.Parse(result.Tokens.Single().Value);
            }
            catch (FormatException ex)
            {
                result.AddError(ex.Message);
                return null;
            }
        },
    };

    public static async Task<DocketDatabase> OpenAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var database = new DocketDatabase(target);
        await database.MigrateAsync(cancellationToken);
        return database;
    }
}
