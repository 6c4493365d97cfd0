namespace Docket.Cli.Tests.Conventions;

/// <summary>
/// The compiled <c>docket</c> program references no EF, ADO.NET or database driver assembly: it
/// reaches the database only through Store's services. (A reference appears as soon as one of
/// their types is named, caught or returned to the CLI's code.)
/// </summary>
public sealed class CliReferencesTests
{
    private static readonly string[] DatabaseAssemblies = ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql", "System.Data", "EFCore."];

    [Fact]
    public void The_cli_assembly_references_no_database_assembly()
    {
        var cli = typeof(DocketCli).Assembly;

        var found = cli.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => DatabaseAssemblies.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(found.Count == 0, $"{cli.GetName().Name} uses database types directly (move the code into src/Docket.Store): {string.Join(", ", found)}");
    }
}
