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

    /// <summary>
    /// For the commands that may start a log (serve, demo, import, users add): creates or
    /// upgrades the database. The command prints <see cref="OpenedDatabase.Using"/> when it
    /// has done its work, so that a typo in <c>--db</c> is seen at once; a failure stays one line.
    /// </summary>
    public static async Task<OpenedDatabase> OpenOrCreateAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var (database, change) = await DatabaseOpening.OpenOrCreateAsync(target, cancellationToken);
        var what = change switch
        {
            SchemaChange.Created => "created",
            SchemaChange.Upgraded => "schema upgraded",
            _ => "existing",
        };
        return new OpenedDatabase(database, $"docket: using {target.FullName} ({what})");
    }

    /// <summary>
    /// For the commands that read or change an existing log (verify, export, checkpoint export,
    /// users revoke): refuses a missing database, or one not at this version's schema, creating
    /// nothing. <paramref name="purpose"/> says what the command expected (<c>verify reads an existing database</c>).
    /// </summary>
    public static async Task<DocketDatabase> OpenExistingAsync(DatabaseTarget target, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            return await DatabaseOpening.OpenExistingAsync(target, cancellationToken);
        }
        catch (DatabaseNotReadyException ex)
        {
            var advice = ex.Problem switch
            {
                DatabaseProblem.Missing or DatabaseProblem.NoSchema => $"{purpose}; use 'docket serve' or 'docket import' to create one",
                DatabaseProblem.OlderSchema => $"{purpose} and does not upgrade it; starting 'docket serve' on it once upgrades it",
                _ => "use the newer docket with it",
            };
            throw new CliFailure($"{ex.Message} ({advice})", ex);
        }
    }
}

/// <summary>A database a command may have created, and the line on standard error that says which it used.</summary>
internal sealed record OpenedDatabase(DocketDatabase Database, string Using);

/// <summary>A refusal whose message is already the line to print.</summary>
internal sealed class CliFailure(string message, Exception? inner = null) : Exception(message, inner);
