using Docket.Store.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store.Tests;

/// <summary>Migrating is safe on every start: running it again changes nothing and keeps the data.</summary>
public abstract class MigrationTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public async Task Migrating_twice_is_idempotent_and_keeps_the_log_and_its_guard()
    {
        var quill = await OpenCaseAsync("012345678");
        await AppendAddressAsync(quill, 1, "14 Larkspur Row, Fernhollow");

        // The base class has migrated once; a restart migrates again, twice for good measure,
        // and so does a second process with its own DocketDatabase.
        await Db.MigrateAsync();
        await Db.MigrateAsync();
        await new DocketDatabase(Db.Target).MigrateAsync();

        await using (var context = Db.CreateContext())
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }

        Assert.Equal(2, await ScalarAsync(Test.CountEventTriggersSql));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM events"));

        // The log still takes appends and still refuses rewrites.
        await AppendAddressAsync(quill, 2, "27 Gorse Street, Fernhollow");
        await using (var connection = await Db.OpenConnectionAsync())
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync(connection, "DELETE FROM events"));
        }

        var report = await VerifyChainsAsync();
        Assert.True(report.Intact, report.FirstBad?.ToString());
        Assert.Equal(3, report.EventsChecked);
    }

    [Fact]
    public async Task The_model_has_no_change_that_a_migration_does_not_carry()
    {
        // Two branches that each add a migration merge their model snapshots as text: this is
        // what says the merged snapshot still matches the model (dotnet ef's has-pending-model-changes).
        await using var context = Db.CreateContext();
        Assert.False(context.Database.HasPendingModelChanges(), "the model differs from the last migration's snapshot: add a migration for each provider");
    }

    [Fact]
    public async Task The_schema_check_without_EF_Core_sees_the_same_steps_as_EF_Core()
    {
        // Commands that only read (verify, export) check the schema with plain commands and the
        // [Migration] attributes; EF Core's migrator is what applies the steps, so both must agree.
        await using var context = Db.CreateContext();
        var known = Docket.Store.Schema.SchemaSteps.Known(Db.Target.Provider);
        Assert.Equal(context.Database.GetMigrations(), known);
        Assert.Contains(known, id => id.EndsWith("_BreakGlassReviews", StringComparison.Ordinal));
        Assert.Equal(await context.Database.GetAppliedMigrationsAsync(), await Docket.Store.Schema.SchemaSteps.AppliedAsync(Db, default));

        await using var connection = await Db.OpenConnectionAsync();
        await ExecuteAsync(connection, """DELETE FROM "__EFMigrationsHistory" WHERE migration_id = (SELECT MAX(migration_id) FROM "__EFMigrationsHistory")""");
        Assert.Equal(known.Count - 1, (await Docket.Store.Schema.SchemaSteps.AppliedAsync(Db, default)).Count);
    }

    [Fact]
    public async Task A_fresh_database_is_migrated_to_the_tables_the_design_names()
    {
        await using var connection = await Db.OpenConnectionAsync();

        // An auditor can read the log with plain SQL, by the column names of docs/architecture.md.
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM events"));
        Assert.Equal(0, await ScalarAsync(connection,
            "SELECT COUNT(*) FROM (SELECT position, a_number, version, type, effective_on, recorded_at, recorded_by, payload, prev_hash, hash FROM events) e"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM users"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(2, await ScalarAsync(connection, Test.CountEventTriggersSql));
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(StoreKind.Sqlite)
{
    [Fact]
    public async Task Migrating_a_file_in_a_folder_that_does_not_exist_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"docket-missing-{Guid.NewGuid():N}", "docket.db");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new DocketDatabase(DatabaseTarget.Parse("sqlite:" + missing)).MigrateAsync());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }
}

public sealed class MigrationTestsOnPostgres() : MigrationTests(StoreKind.Postgres);
