namespace Docket.Store;

/// <summary>
/// One instance of a set of compiled queries for each kind of database. EF Core binds a compiled
/// query to the model of the first context it runs on and refuses any other, and SQLite and
/// PostgreSQL contexts have models of their own (one process may open both: the tests, the bench).
/// </summary>
internal static class PerModel<TQueries>
    where TQueries : new()
{
    private static readonly TQueries Sqlite = new();

    private static readonly TQueries Postgres = new();

    public static TQueries For(DocketDbContext context) => context is PostgresDocketDbContext ? Postgres : Sqlite;
}
