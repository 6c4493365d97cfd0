namespace Docket.Testing;

/// <summary>The two databases Docket runs on; the tests of the Store, the CLI and the web host run on both.</summary>
public enum DatabaseKind { Sqlite, Postgres }
