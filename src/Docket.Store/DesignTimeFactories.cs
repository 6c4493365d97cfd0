using Microsoft.EntityFrameworkCore.Design;

namespace Docket.Store;

// Used only by `dotnet ef migrations add`; the running program builds contexts in DocketDatabase.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDocketDbContext>
{
    public SqliteDocketDbContext CreateDbContext(string[] args) =>
        (SqliteDocketDbContext)new DocketDatabase(DatabaseTarget.Parse("sqlite:design.db")).CreateContext();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDocketDbContext>
{
    public PostgresDocketDbContext CreateDbContext(string[] args) =>
        (PostgresDocketDbContext)new DocketDatabase(DatabaseTarget.Parse("postgres:Host=localhost;Database=design")).CreateContext();
}
