using System.Text.RegularExpressions;
using System.Xml.Linq;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;

namespace Docket.Web.Tests.Language;

/// <summary>
/// The person's words exist in every shipped language: every key of PlainText.resx in every
/// PlainText.{culture}.resx, and a plain sentence for every rule of docs/rules.md, every deadline
/// kind, every stage and every decision, in each of them.
/// </summary>
public sealed partial class PlainTextResourceTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "src", "Docket.Web", "Language");

    public static TheoryData<string> Languages() => [.. Directory.GetFiles(Folder, "PlainText.*.resx").Select(f => Path.GetFileName(f).Split('.')[1])];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_of_the_English_words_exists_in_the_language_and_no_other(string language)
    {
        var english = Keys("PlainText.resx");
        var translated = Keys($"PlainText.{language}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        // The same placeholders, so a sentence never loses its date.
        Assert.All(english, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(translated[pair.Key])));
    }

    [Fact]
    public void Every_rule_of_docs_rules_md_has_a_plain_sentence()
    {
        var ruleIds = RuleHeading().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules.md"))).Select(m => m.Groups[1].Value).ToList();
        var keys = Keys("PlainText.resx");

        Assert.NotEmpty(ruleIds);
        Assert.All(ruleIds, id => Assert.True(keys.ContainsKey($"Rule.{id}"), $"no plain sentence for {id}"));
    }

    [Fact]
    public void Every_deadline_kind_stage_and_decision_has_its_sentences()
    {
        var keys = Keys("PlainText.resx");
        var expected = DeadlineMeaning.KnownKinds.SelectMany(k => new[] { $"Deadline.{k}.Due", $"Deadline.{k}.Passed" })
            .Concat(Enum.GetValues<CaseStage>().SelectMany(s => new[] { $"Stage.{Kebab(s)}.Name", $"Stage.{Kebab(s)}.Meaning" }))
            .Concat(Enum.GetValues<DecisionOutcome>().Select(o => $"Decision.{Kebab(o)}"))
            .Concat(Enum.GetValues<HearingKind>().Select(k => $"HearingKind.{Kebab(k)}"));

        Assert.All(expected, key => Assert.True(keys.ContainsKey(key), $"missing {key}"));
    }

    [Fact]
    public void Every_country_code_has_a_name_in_every_language()
    {
        foreach (var file in Directory.GetFiles(Folder, "CountryNames*.resx"))
        {
            var names = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.True(Docket.Domain.Countries.Iso3166Alpha3.Codes.SetEquals(names), Path.GetFileName(file));
        }
    }

    private static string Kebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^### (\S+)", RegexOptions.Multiline)]
    private static partial Regex RuleHeading();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
