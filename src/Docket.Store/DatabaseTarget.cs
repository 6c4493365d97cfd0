namespace Docket.Store;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the log lives, as written on the command line: <c>sqlite:PATH</c> (the default,
/// <c>sqlite:docket.db</c>) or <c>postgres:CONNECTION_STRING</c>.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseTarget Default { get; } = Parse("sqlite:docket.db");

    public static DatabaseTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("sqlite:", StringComparison.Ordinal) && text.Length > "sqlite:".Length)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = text["sqlite:".Length..],
                Pooling = true,
                DefaultTimeout = 60,
            };
            return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ConnectionString);
        }

        if (text.StartsWith("postgres:", StringComparison.Ordinal) && text.Length > "postgres:".Length)
        {
            return new DatabaseTarget(DatabaseProvider.Postgres, text["postgres:".Length..]);
        }

        throw new FormatException($"'{text}' is not a database: use sqlite:PATH or postgres:CONNECTION_STRING");
    }

    /// <summary>
    /// Where the database is, for a message a person acts on: the SQLite file's absolute path
    /// (relative paths are resolved against the current folder, as SQLite does), or the
    /// PostgreSQL connection without its password.
    /// </summary>
    public string Location => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : ToString();

    /// <summary>Like <see cref="ToString"/>, with the SQLite path made absolute: <c>sqlite:/abs/path/docket.db</c>.</summary>
    public string FullName => Provider == DatabaseProvider.Sqlite ? "sqlite:" + Location : ToString();

    /// <summary>A description safe to print: no password.</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : "postgres:" + string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
