using System.Reflection;
using System.Text.RegularExpressions;
using Docket.Domain.Rules;

namespace Docket.Domain.Tests.Repository;

/// <summary>
/// docs/rules.md keeps its strict format, which the tests and the rules page read, and names
/// every rule the Domain can cite.
/// </summary>
public sealed partial class RulesDocumentTests
{
    private static readonly RulesDocument Document = RulesDocument.Load();

    [Fact]
    public void Every_level_3_heading_is_exactly_a_rule_id()
    {
        var bad = Document.RuleHeadings.Where(h => !RuleId().IsMatch(h.Text)).Select(h => $"line {h.Line}: '### {h.Text}'").ToList();

        Assert.True(bad.Count == 0, $"a level-3 heading of docs/rules.md must be exactly a rule id (### APPEAL-IJ-30D): {string.Join("; ", bad)}");
        Assert.True(Document.Rules.Count >= 50, $"expected the rules of docs/rules.md, read only {Document.Rules.Count}");
    }

    [Fact]
    public void No_rule_id_appears_twice()
    {
        var twice = Document.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, $"docs/rules.md has more than one heading for {string.Join(", ", twice)}");
    }

    [Fact]
    public void Every_rule_has_text_then_one_citation_line_and_one_confidence_line()
    {
        var faults = new List<string>();
        foreach (var rule in Document.Rules)
        {
            var where = $"{rule.Id} (line {rule.Line})";
            var content = rule.Body.Where(l => l.Trim().Length > 0).ToList();
            if (rule.Text.Count == 0)
            {
                faults.Add($"{where}: no text before its Citation line");
            }

            if (rule.Citations.Count != 1 || rule.Citations[0].Trim() == "Citation:")
            {
                faults.Add($"{where}: needs exactly one non-empty 'Citation: ...' line, has {rule.Citations.Count}");
            }

            if (rule.Confidences.Count != 1 || !Confidence().IsMatch(rule.Confidences[0]))
            {
                faults.Add($"{where}: needs exactly one line 'Confidence: T' (or S, M, or a combination such as T/S), has [{string.Join(" | ", rule.Confidences)}]");
            }

            if (content.Count < 2 || !content[^2].StartsWith("Citation:", StringComparison.Ordinal) || !content[^1].StartsWith("Confidence:", StringComparison.Ordinal))
            {
                faults.Add($"{where}: must end with its Citation line, then its Confidence line");
            }
        }

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
    }

    [Fact]
    public void Sections_are_numbered_in_order_and_end_with_the_decision_procedure()
    {
        var titles = Document.Sections.Select(s => s.Text).ToList();

        Assert.Equal(RulesDocument.ProcedureSection, titles[^1]);
        var numbered = titles[..^1];
        Assert.All(numbered, title => Assert.Matches(Section(), title));
        Assert.Equal(Enumerable.Range(0, numbered.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbered.Select(t => t.Split('.')[0]));
        Assert.All(Document.Rules, rule => Assert.True(Section().IsMatch(rule.Section), $"{rule.Id} is not inside a numbered section"));
    }

    [Fact]
    public void The_decision_procedure_is_a_numbered_list_naming_only_rules_of_the_document()
    {
        var ids = Document.Ids;
        var steps = Document.Procedure;

        Assert.True(steps.Count >= 8, $"expected the numbered steps under '## {RulesDocument.ProcedureSection}', read {steps.Count}");
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(n => $"{n}. "), steps.Select(s => s[..(s.IndexOf(' ', StringComparison.Ordinal) + 1)]));
        foreach (var step in steps)
        {
            var named = NamedRules().Match(step);
            Assert.True(named.Success, $"step '{step}' must end with the rules it applies, in parentheses");
            foreach (var name in named.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var known = name.EndsWith("-*", StringComparison.Ordinal)
                    ? ids.Any(id => id.StartsWith(name[..^1], StringComparison.Ordinal))
                    : ids.Contains(name);
                Assert.True(known, $"step '{step}' names {name}, which is no rule of docs/rules.md");
            }
        }
    }

    [Fact]
    public void Every_rule_id_the_domain_can_cite_is_a_rule_of_the_document()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        var missing = constants.Where(id => !Document.Ids.Contains(id)).ToList();

        Assert.NotEmpty(constants);
        Assert.True(missing.Count == 0, $"RuleIds names rules that docs/rules.md does not have: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^Confidence: [TSM](?:/[TSM])*$")]
    private static partial Regex Confidence();

    [GeneratedRegex(@"^\d+\. \S.*$")]
    private static partial Regex Section();

    [GeneratedRegex(@"\((?<ids>[A-Z][A-Z0-9*]*(?:-[A-Z0-9*]+)*(?:, [A-Z][A-Z0-9*]*(?:-[A-Z0-9*]+)*)*)\)\s*$")]
    private static partial Regex NamedRules();
}
