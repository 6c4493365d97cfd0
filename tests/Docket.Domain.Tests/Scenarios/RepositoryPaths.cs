namespace Docket.Domain.Tests.Scenarios;

/// <summary>Where the repository's own files are, found from the test's own folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Docket.slnx, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/scenarios: one scenario per JSON file.</summary>
    public static string ScenarioFolder => Path.Combine(Root, "tests", "scenarios");

    /// <summary>docs: Docket's own documentation.</summary>
    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>docs/rules.md: the legal rules with their ids, citations and confidence.</summary>
    public static string Rules => Path.Combine(Docs, "rules.md");

    /// <summary>docs/events.md: the event vocabulary.</summary>
    public static string Events => Path.Combine(Docs, "events.md");

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
