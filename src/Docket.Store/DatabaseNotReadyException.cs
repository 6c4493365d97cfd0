namespace Docket.Store;

/// <summary>Why an existing database could not be opened as it is.</summary>
public enum DatabaseProblem
{
    /// <summary>There is no such SQLite file or PostgreSQL database.</summary>
    Missing,

    /// <summary>The file or database exists but Docket never created its tables there.</summary>
    NoSchema,

    /// <summary>Docket's schema is there but older than this version's: it needs upgrading first.</summary>
    OlderSchema,

    /// <summary>A newer Docket upgraded the schema past what this version knows.</summary>
    NewerSchema,
}

/// <summary>
/// A command that reads or changes an existing database was pointed at one that is missing or
/// not at this version's schema; nothing was created or migrated.
/// </summary>
public sealed class DatabaseNotReadyException(DatabaseProblem problem, string location, string message) : InvalidOperationException(message)
{
    public DatabaseProblem Problem { get; } = problem;

    /// <summary>The SQLite file's absolute path, or the PostgreSQL connection without its password.</summary>
    public string Location { get; } = location;
}
