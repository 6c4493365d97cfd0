using System.CommandLine;
using Docket.Store;
using Docket.Store.Audit;

namespace Docket.Cli.Commands;

/// <summary><c>--key PATH</c>: the checkpoint key; by default next to the SQLite file, or <c>./docket-checkpoint-key.pem</c> for PostgreSQL.</summary>
internal static class CheckpointKeyOption
{
    public static Option<string?> Create(string description) => new("--key") { Description = description };

    /// <summary>True when <c>--key</c> was given: then a missing file is an error, not a default to do without.</summary>
    public static bool IsGiven(ParseResult parse, Option<string?> key) => parse.GetValue(key) is { Length: > 0 };

    public static string PathFor(ParseResult parse, Option<string?> key, DatabaseTarget database) =>
        parse.GetValue(key) is { Length: > 0 } given ? Path.GetFullPath(given) : CheckpointKeyFile.DefaultPath(database);
}
