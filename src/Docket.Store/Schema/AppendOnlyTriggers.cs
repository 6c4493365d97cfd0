namespace Docket.Store.Schema;

/// <summary>
/// The database itself refuses to change or remove an event, so that a bug or a careless
/// statement cannot rewrite history; corrections are new events. (Someone who can drop a
/// trigger can still tamper: the hash chain and signed checkpoints are what catch that.)
/// </summary>
internal static class AppendOnlyTriggers
{
    public const string Sqlite = """
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correction instead'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS events_append_only_update;
        DROP TRIGGER IF EXISTS events_append_only_delete;
        """;

    /// <summary>The audit tables are append-only too (added with the checkpoints and access log).</summary>
    public const string SqliteAudit = """
        CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
        CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
        """;

    public const string SqliteAuditDrop = """
        DROP TRIGGER IF EXISTS checkpoints_append_only_update;
        DROP TRIGGER IF EXISTS checkpoints_append_only_delete;
        DROP TRIGGER IF EXISTS access_log_append_only_update;
        DROP TRIGGER IF EXISTS access_log_append_only_delete;
        """;

    public const string PostgresAudit = """
        CREATE TRIGGER checkpoints_append_only_row BEFORE UPDATE OR DELETE ON checkpoints
          FOR EACH ROW EXECUTE FUNCTION events_append_only();
        CREATE TRIGGER checkpoints_append_only_truncate BEFORE TRUNCATE ON checkpoints
          FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
        CREATE TRIGGER access_log_append_only_row BEFORE UPDATE OR DELETE ON access_log
          FOR EACH ROW EXECUTE FUNCTION events_append_only();
        CREATE TRIGGER access_log_append_only_truncate BEFORE TRUNCATE ON access_log
          FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
        """;

    public const string PostgresAuditDrop = """
        DROP TRIGGER IF EXISTS checkpoints_append_only_row ON checkpoints;
        DROP TRIGGER IF EXISTS checkpoints_append_only_truncate ON checkpoints;
        DROP TRIGGER IF EXISTS access_log_append_only_row ON access_log;
        DROP TRIGGER IF EXISTS access_log_append_only_truncate ON access_log;
        """;

    /// <summary>Break-glass reviews are append-only too: a review is never edited or withdrawn.</summary>
    public const string SqliteReviews = """
        CREATE TRIGGER break_glass_reviews_append_only_update BEFORE UPDATE ON break_glass_reviews
        BEGIN SELECT RAISE(ABORT, 'break-glass reviews are append-only'); END;
        CREATE TRIGGER break_glass_reviews_append_only_delete BEFORE DELETE ON break_glass_reviews
        BEGIN SELECT RAISE(ABORT, 'break-glass reviews are append-only'); END;
        """;

    public const string SqliteReviewsDrop = """
        DROP TRIGGER IF EXISTS break_glass_reviews_append_only_update;
        DROP TRIGGER IF EXISTS break_glass_reviews_append_only_delete;
        """;

    public const string PostgresReviews = """
        CREATE TRIGGER break_glass_reviews_append_only_row BEFORE UPDATE OR DELETE ON break_glass_reviews
          FOR EACH ROW EXECUTE FUNCTION events_append_only();
        CREATE TRIGGER break_glass_reviews_append_only_truncate BEFORE TRUNCATE ON break_glass_reviews
          FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
        """;

    public const string PostgresReviewsDrop = """
        DROP TRIGGER IF EXISTS break_glass_reviews_append_only_row ON break_glass_reviews;
        DROP TRIGGER IF EXISTS break_glass_reviews_append_only_truncate ON break_glass_reviews;
        """;

    public const string Postgres = """
        CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'events are append-only: record a correction instead';
        END $$;
        CREATE TRIGGER events_append_only_row BEFORE UPDATE OR DELETE ON events
          FOR EACH ROW EXECUTE FUNCTION events_append_only();
        CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
          FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS events_append_only_truncate ON events;
        DROP TRIGGER IF EXISTS events_append_only_row ON events;
        DROP FUNCTION IF EXISTS events_append_only();
        """;
}
