using System.Text.RegularExpressions;
using Docket.Domain.Tests.Repository;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// The scenario suite of tests/scenarios: one test case per file, run against the Domain, and
/// a check that the files together exercise every rule of docs/rules.md.
/// </summary>
public sealed partial class ScenarioTests
{
    public static TheoryData<string> Files() => [.. Scenario.FileNames()];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_scenario_holds_against_the_domain(string file)
    {
        var scenario = Scenario.Load(file);

        var failures = ScenarioRunner.Run(scenario);

        Assert.True(failures.Count == 0, $"{file} ({scenario.Name}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}");
    }

    [Fact]
    public void There_are_at_least_80_scenarios_each_with_a_name_a_citation_and_a_check()
    {
        var files = Scenario.FileNames();

        Assert.True(files.Count >= 80, $"expected at least 80 scenario files, found {files.Count}");
        Assert.All(files, file =>
        {
            Assert.Matches(FileName(), file);
            var scenario = Scenario.Load(file);
            Assert.False(string.IsNullOrWhiteSpace(scenario.Name), $"{file}: name");
            Assert.False(string.IsNullOrWhiteSpace(scenario.Citation), $"{file}: citation");
            Assert.NotEmpty(scenario.Rules);
            Assert.NotEmpty(scenario.Checks);
        });
    }

    [Fact]
    public void The_scenarios_name_only_rule_ids_of_the_rules_document()
    {
        var ids = RulesDocument.Load().Ids;

        Assert.All(Scenario.FileNames(), file =>
        {
            var unknown = Scenario.Load(file).Rules.Where(rule => !ids.Contains(rule)).ToList();
            Assert.True(unknown.Count == 0, $"{file} names rules not in docs/rules.md: {string.Join(", ", unknown)}");
        });
    }

    [Fact]
    public void Together_the_scenarios_exercise_every_rule_of_the_rules_document()
    {
        var ids = RulesDocument.Load().Ids;
        var exercised = Scenario.FileNames().SelectMany(file => Scenario.Load(file).Rules).ToHashSet(StringComparer.Ordinal);

        var missing = ids.Where(id => !exercised.Contains(id)).ToList();

        Assert.True(ids.Count >= 40, $"expected the rule ids of docs/rules.md, read only {ids.Count} from {RepositoryPaths.Rules}");
        Assert.True(missing.Count == 0, $"no scenario exercises {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\.json$")]
    private static partial Regex FileName();
}
