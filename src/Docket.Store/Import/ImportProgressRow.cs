namespace Docket.Store.Import;

/// <summary>
/// How far an import of one file (identified by its SHA-256) has committed: the number of
/// lines done, written in the same transaction as the events of those lines. An import that
/// is killed and run again resumes after this line, so every event lands exactly once.
/// </summary>
public sealed class ImportProgressRow
{
    public required string Source { get; set; }

    public long LinesDone { get; set; }
}
