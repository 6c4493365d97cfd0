using System.Text.RegularExpressions;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Repository;

/// <summary>One rule of docs/rules.md: its id (the heading), its section, the lines under it, and where it starts.</summary>
internal sealed record RuleEntry(string Id, string Section, int Line, IReadOnlyList<string> Body)
{
    /// <summary>The lines of text before the first <c>Citation:</c> line (blank lines left out).</summary>
    public IReadOnlyList<string> Text => [.. Body.TakeWhile(l => !l.StartsWith("Citation:", StringComparison.Ordinal)).Where(l => l.Trim().Length > 0)];

    public IReadOnlyList<string> Citations => [.. Body.Where(l => l.StartsWith("Citation:", StringComparison.Ordinal))];

    public IReadOnlyList<string> Confidences => [.. Body.Where(l => l.StartsWith("Confidence:", StringComparison.Ordinal))];
}

/// <summary>
/// docs/rules.md read in its strict format: sections <c>## N. Title</c>, each rule a level-3
/// heading that is exactly its id, followed by text, a <c>Citation:</c> line and a
/// <c>Confidence:</c> line; and the numbered list under <c>## Decision procedure</c>.
/// </summary>
internal sealed partial record RulesDocument(
    IReadOnlyList<MarkdownHeading> Sections,
    IReadOnlyList<MarkdownHeading> RuleHeadings,
    IReadOnlyList<RuleEntry> Rules,
    IReadOnlyList<string> Procedure)
{
    public const string ProcedureSection = "Decision procedure";

    /// <summary>Every rule id, from the headings.</summary>
    public HashSet<string> Ids => [.. Rules.Select(r => r.Id)];

    public static RulesDocument Load() => Parse(MarkdownFile.Load(RepositoryPaths.Rules));

    public static RulesDocument Parse(MarkdownFile file)
    {
        var sections = new List<MarkdownHeading>();
        var ruleHeadings = new List<MarkdownHeading>();
        var rules = new List<RuleEntry>();
        var procedure = new List<string>();
        string? section = null;
        (MarkdownHeading Heading, List<string> Body)? open = null;

        void Close()
        {
            if (open is { } rule)
            {
                rules.Add(new RuleEntry(rule.Heading.Text, section ?? "", rule.Heading.Line, rule.Body));
            }

            open = null;
        }

        for (var i = 0; i < file.Lines.Count; i++)
        {
            var line = file.Lines[i];
            if (!file.InCode[i] && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                section = line[3..].Trim();
                sections.Add(new MarkdownHeading(2, section, i + 1));
            }
            else if (!file.InCode[i] && line.StartsWith("### ", StringComparison.Ordinal))
            {
                Close();
                var heading = new MarkdownHeading(3, line[4..], i + 1);
                ruleHeadings.Add(heading);
                open = (heading, []);
            }
            else if (open is { } rule)
            {
                rule.Body.Add(line);
            }
            else if (section == ProcedureSection && ProcedureItem().IsMatch(line))
            {
                procedure.Add(line.Trim());
            }
            else if (section == ProcedureSection && procedure.Count > 0 && line.StartsWith("   ", StringComparison.Ordinal))
            {
                procedure[^1] += " " + line.Trim();
            }
        }

        Close();
        return new RulesDocument(sections, ruleHeadings, rules, procedure);
    }

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex ProcedureItem();
}
