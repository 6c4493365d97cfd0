namespace Docket.Domain.Tests.Scenarios;

/// <summary>Where the repository's shared files are, found from the test's own folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Docket.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/scenarios: one scenario per JSON file.</summary>
    public static string ScenarioFolder => Path.Combine(Root, "tests", "scenarios");

    /// <summary>The legal rules with their ids, kept next to the repository (../shared/rules/REFERENCE.md).</summary>
    public static string Reference => Path.GetFullPath(Path.Combine(Root, "..", "shared", "rules", "REFERENCE.md"));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Docket.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Docket.slnx.");
    }
}
