using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Docket.Store;

/// <summary>Opens contexts and connections for one <see cref="DatabaseTarget"/>.</summary>
public sealed class DocketDatabase(DatabaseTarget target)
{
    // Contexts come from a pool: building options and resolving a fresh context's internal
    // services was a tenth of an API request's CPU, and a pooled context skips both. A context is
    // reset when it is returned (disposed), so callers use it exactly as a new one. The pool is
    // made on first use: commands that only read with plain commands (verify, export) never load
    // EF Core's provider at all.
    private readonly Lazy<PooledDbContextFactory<PostgresDocketDbContext>> postgres = new(() =>
        new(new DbContextOptionsBuilder<PostgresDocketDbContext>().UseNpgsql(PostgresConnectionSettings.Apply(target.ConnectionString)).UseSnakeCaseNamingConvention().Options));

    private readonly Lazy<PooledDbContextFactory<SqliteDocketDbContext>> sqlite = new(() =>
        new(new DbContextOptionsBuilder<SqliteDocketDbContext>().UseSqlite(target.ConnectionString).UseSnakeCaseNamingConvention().Options));

    public DatabaseTarget Target { get; } = target;

    private readonly Lazy<string> postgresConnectionString = new(() => PostgresConnectionSettings.Apply(target.ConnectionString));

    public bool IsPostgres => Target.Provider == DatabaseProvider.Postgres;

    public DocketDbContext CreateContext() => IsPostgres ? postgres.Value.CreateDbContext() : sqlite.Value.CreateDbContext();

    /// <summary>Waits for this process's turn to write (see <see cref="WriteTurn"/>); dispose it after the commit.</summary>
    public Task<WriteTurn> TakeWriteTurnAsync(CancellationToken cancellationToken = default) => WriteTurn.TakeAsync(Target, cancellationToken);

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(postgresConnectionString.Value)
            : new SqliteConnection(Target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Closes the idle pooled connections (and those in use, once returned), so that the next
    /// request opens a fresh one. Called when the database was found unavailable: a SQLite
    /// connection opened while the file was read-only stays read-only, and a PostgreSQL
    /// connection from before an outage is broken, so keeping either would outlast the fault.
    /// </summary>
    public void ForgetConnections()
    {
        if (IsPostgres)
        {
            using var connection = new NpgsqlConnection(postgresConnectionString.Value);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new SqliteConnection(Target.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (!IsPostgres)
        {
            var path = new SqliteConnectionStringBuilder(Target.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The folder for the database file '{path}' does not exist.");
            }
        }

        // A database already at this docket's schema needs no migrator: checking with a plain
        // command keeps EF Core's model and migrations out of every start (bench, "Start-up").
        if (!await IsCurrentAsync(cancellationToken))
        {
            await MigrateWithEfAsync(cancellationToken);
        }

        if (!IsPostgres)
        {
            // WAL lets readers go on while the single writer commits; it is a property of the
            // file, so setting it once is enough.
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgres && !File.Exists(new SqliteConnectionStringBuilder(Target.ConnectionString).DataSource))
        {
            return false;
        }

        try
        {
            var applied = await Schema.SchemaSteps.AppliedAsync(this, cancellationToken);
            return applied.SequenceEqual(Schema.SchemaSteps.Known(Target.Provider), StringComparer.Ordinal);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    private async Task MigrateWithEfAsync(CancellationToken cancellationToken)
    {
        bool projectsDeadlinesAnew;
        await using (var context = CreateContext())
        {
            var pending = await context.Database.GetPendingMigrationsAsync(cancellationToken);
            var upgrading = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            projectsDeadlinesAnew = upgrading && pending.Any(m => m.EndsWith("_RunningDeadlines", StringComparison.Ordinal));
            await context.Database.MigrateAsync(cancellationToken);
        }

        if (projectsDeadlinesAnew)
        {
            // The running deadlines and the last-recorded instant are derived from the log, which
            // SQL cannot fold: a database made before them gets them by refolding every case once.
            List<string> aNumbers;
            await using (var context = CreateContext())
            {
                aNumbers = await context.Cases.Select(c => c.ANumber).OrderBy(a => a).ToListAsync(cancellationToken);
            }

            await Cases.CaseProjection.RebuildAsync(this, aNumbers, null, cancellationToken);
        }
    }
}
