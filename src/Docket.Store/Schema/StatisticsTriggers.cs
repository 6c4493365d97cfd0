namespace Docket.Store.Schema;

/// <summary>
/// Statistics releases are append-only like the events: a published release is never edited
/// or removed, a correction is a new release. The projection's cells are derived and change.
/// </summary>
internal static class StatisticsTriggers
{
    public const string Sqlite = """
        CREATE TRIGGER stats_releases_append_only_update BEFORE UPDATE ON stats_releases
        BEGIN SELECT RAISE(ABORT, 'statistics releases are append-only: issue a new release'); END;
        CREATE TRIGGER stats_releases_append_only_delete BEFORE DELETE ON stats_releases
        BEGIN SELECT RAISE(ABORT, 'statistics releases are append-only: issue a new release'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS stats_releases_append_only_update;
        DROP TRIGGER IF EXISTS stats_releases_append_only_delete;
        """;

    public const string Postgres = """
        CREATE FUNCTION stats_releases_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'statistics releases are append-only: issue a new release';
        END $$;
        CREATE TRIGGER stats_releases_append_only_row BEFORE UPDATE OR DELETE ON stats_releases
          FOR EACH ROW EXECUTE FUNCTION stats_releases_append_only();
        CREATE TRIGGER stats_releases_append_only_truncate BEFORE TRUNCATE ON stats_releases
          FOR EACH STATEMENT EXECUTE FUNCTION stats_releases_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS stats_releases_append_only_truncate ON stats_releases;
        DROP TRIGGER IF EXISTS stats_releases_append_only_row ON stats_releases;
        DROP FUNCTION IF EXISTS stats_releases_append_only();
        """;
}
