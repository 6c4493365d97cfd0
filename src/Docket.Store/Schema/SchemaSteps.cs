using System.Reflection;
using Docket.Store.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Docket.Store.Schema;

/// <summary>
/// The schema steps (migrations) this docket knows and those a database has applied, read
/// without an EF Core service provider. Checking the schema is the first thing every command
/// does, and building EF Core's model and migrator for it was most of a short command's start-up
/// (bench/ANALYSIS.md, "Start-up"); applying steps still goes through EF Core's migrator.
/// </summary>
public static class SchemaSteps
{
    private static readonly Lazy<IReadOnlyList<string>> Sqlite = new(() => FromAttributes(typeof(SqliteDocketDbContext)));
    private static readonly Lazy<IReadOnlyList<string>> Postgres = new(() => FromAttributes(typeof(PostgresDocketDbContext)));

    /// <summary>Every step this docket's migrations assembly holds for the provider, in the order EF Core applies them.</summary>
    public static IReadOnlyList<string> Known(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres.Value : Sqlite.Value;

    /// <summary>The steps applied to the database, in order; none when it has no history table.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(DocketDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var exists = database.IsPostgres
            ? """SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = '__EFMigrationsHistory' AND schemaname = ANY (current_schemas(false))"""
            : """SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'""";
        if (await Sql.LongAsync(connection, null, exists, cancellationToken) == 0)
        {
            return [];
        }

        await using var command = Sql.Command(connection, null, """SELECT migration_id FROM "__EFMigrationsHistory" ORDER BY migration_id""");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    // EF Core finds migrations the same way: types with [Migration] whose [DbContext] names the
    // context, ordered by id (the id starts with its timestamp).
    private static List<string> FromAttributes(Type context) =>
    [
        .. context.Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];
}
