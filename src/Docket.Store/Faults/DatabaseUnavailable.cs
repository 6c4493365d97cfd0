namespace Docket.Store.Faults;

/// <summary>Why the database cannot serve a request just now (none of them is the caller's fault).</summary>
public enum UnavailableCause
{
    /// <summary>SQLite's SQLITE_FULL, PostgreSQL's disk_full: no room to write.</summary>
    DiskFull,

    /// <summary>The file or file system cannot be written (SQLITE_READONLY), or PostgreSQL is a read-only standby.</summary>
    ReadOnly,

    /// <summary>The SQLite file (or its -wal/-shm companions) cannot be opened.</summary>
    CannotOpen,

    /// <summary>The storage under the database failed a read or write (SQLITE_IOERR).</summary>
    StorageError,

    /// <summary>The database file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).</summary>
    Damaged,

    /// <summary>PostgreSQL refuses connections, is shutting down or starting, or the connection broke.</summary>
    Unreachable,

    /// <summary>The database did not answer in time (a connection, pool or statement timeout).</summary>
    TimedOut,

    /// <summary>The write lock or the connection slots were held by others too long.</summary>
    Busy,
}

/// <summary>
/// A database failure that is no fault of the request: what it is, in words an operator and a
/// client can act on, and how long a client should wait before trying again.
/// </summary>
public sealed record DatabaseUnavailable(UnavailableCause Cause, string Description)
{
    /// <summary>
    /// Seconds to wait (Retry-After): an outage or a lock passes by itself in seconds; a full or
    /// read-only disk waits for an operator.
    /// </summary>
    public int RetryAfterSeconds => Cause is UnavailableCause.Unreachable or UnavailableCause.TimedOut or UnavailableCause.Busy ? 5 : 30;

    /// <summary>The cause as the wire writes it ("disk-full", "read-only", "unreachable", ...).</summary>
    public string CauseName => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(Cause.ToString());
}
