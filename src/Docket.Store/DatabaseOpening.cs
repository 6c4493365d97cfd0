using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Docket.Store;

/// <summary>What opening a database for a command that may create one did to its schema.</summary>
public enum SchemaChange { None, Created, Upgraded }

/// <summary>
/// The two ways a command reaches its database. Commands that start or fill a log (serve, demo,
/// import, users add) create or upgrade it. Commands that read or change an existing one
/// (verify, export, checkpoint export, users revoke) never create or migrate anything: a typo
/// in <c>--db</c> used to make an empty database and report it intact.
/// </summary>
public static class DatabaseOpening
{
    /// <summary>Creates the database or upgrades its schema when needed, and says which it did.</summary>
    public static async Task<(DocketDatabase Database, SchemaChange Change)> OpenOrCreateAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var database = new DocketDatabase(target);
        var before = await ExistsAsync(database, cancellationToken) ? await AppliedAsync(database, cancellationToken) : [];
        await database.MigrateAsync(cancellationToken);
        var change = before.Count == 0 ? SchemaChange.Created
            : Known(database).Except(before, StringComparer.Ordinal).Any() ? SchemaChange.Upgraded
            : SchemaChange.None;
        return (database, change);
    }

    /// <summary>
    /// Opens a database that exists and has exactly this version's schema, or throws
    /// <see cref="DatabaseNotReadyException"/>. Creates no file and applies no migration: a
    /// SQLite file is opened so that it cannot be created if it disappears meanwhile.
    /// </summary>
    public static async Task<DocketDatabase> OpenExistingAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var location = target.Location;
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            target = target with { ConnectionString = new SqliteConnectionStringBuilder(target.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ConnectionString };
        }

        var database = new DocketDatabase(target);
        if (!await ExistsAsync(database, cancellationToken))
        {
            throw new DatabaseNotReadyException(DatabaseProblem.Missing, location, $"no database at {location}");
        }

        var applied = await AppliedAsync(database, cancellationToken);
        var known = Known(database);
        if (applied.Count == 0)
        {
            throw new DatabaseNotReadyException(DatabaseProblem.NoSchema, location, $"no Docket database at {location}: it exists but Docket's tables were never created there");
        }

        if (applied.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new DatabaseNotReadyException(DatabaseProblem.NewerSchema, location,
                $"the database at {location} was upgraded by a newer docket (schema step {unknown}, which this docket does not know)");
        }

        var missing = known.Except(applied, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new DatabaseNotReadyException(DatabaseProblem.OlderSchema, location,
                $"the database at {location} has an older schema than this docket ({missing.Count} upgrade step{(missing.Count == 1 ? "" : "s")} not applied, from {missing[0]})");
        }

        return database;
    }

    private static async Task<bool> ExistsAsync(DocketDatabase database, CancellationToken cancellationToken)
    {
        if (!database.IsPostgres)
        {
            return File.Exists(database.Target.Location);
        }

        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    private static Task<IReadOnlyList<string>> AppliedAsync(DocketDatabase database, CancellationToken cancellationToken) =>
        Schema.SchemaSteps.AppliedAsync(database, cancellationToken);

    private static IReadOnlyList<string> Known(DocketDatabase database) => Schema.SchemaSteps.Known(database.Target.Provider);
}
