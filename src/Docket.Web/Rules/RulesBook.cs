using System.Reflection;

namespace Docket.Web.Rules;

/// <summary>One rule as docs/rules.md writes it: its id, its section, its paragraphs, its citation and confidence.</summary>
public sealed record RuleText(string Id, string Section, IReadOnlyList<RuleBlock> Blocks, string Citation, string Confidence);

/// <summary>A paragraph, or a list (each item a line of markdown).</summary>
public sealed record RuleBlock(bool IsList, bool IsNumbered, IReadOnlyList<string> Lines);

/// <summary>
/// The rules Docket cites, read from docs/rules.md (embedded in the build) in the strict format
/// the repository tests hold it to: a section is <c>## N. Title</c>, a rule a level-3 heading
/// that is exactly its id, its text, a <c>Citation:</c> line and a <c>Confidence:</c> line.
/// </summary>
public sealed class RulesBook
{
    private RulesBook(IReadOnlyList<(string Title, IReadOnlyList<RuleText> Rules)> sections)
    {
        Sections = sections;
        ById = sections.SelectMany(s => s.Rules).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<(string Title, IReadOnlyList<RuleText> Rules)> Sections { get; }

    public IReadOnlyDictionary<string, RuleText> ById { get; }

    public static RulesBook Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("docs/rules.md")
            ?? throw new InvalidOperationException("docs/rules.md is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static RulesBook Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sections = new List<(string, IReadOnlyList<RuleText>)>();
        string? section = null;
        var rules = new List<RuleText>();
        string? id = null;
        var body = new List<string>();
        var inCode = false;

        void CloseRule()
        {
            if (id is not null)
            {
                rules.Add(Rule(id, section ?? "", body));
            }

            id = null;
            body = [];
        }

        void CloseSection()
        {
            CloseRule();
            if (section is not null && rules.Count > 0)
            {
                sections.Add((section, rules));
            }

            rules = [];
        }

        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }

            if (!inCode && line.StartsWith("## ", StringComparison.Ordinal))
            {
                CloseSection();
                section = line[3..].Trim();
            }
            else if (!inCode && line.StartsWith("### ", StringComparison.Ordinal))
            {
                CloseRule();
                id = line[4..].Trim();
            }
            else if (id is not null)
            {
                body.Add(line);
            }
        }

        CloseSection();
        return new RulesBook(sections);
    }

    private static RuleText Rule(string id, string section, List<string> body)
    {
        var citation = body.FirstOrDefault(l => l.StartsWith("Citation:", StringComparison.Ordinal))?["Citation:".Length..].Trim() ?? "";
        var confidence = body.FirstOrDefault(l => l.StartsWith("Confidence:", StringComparison.Ordinal))?["Confidence:".Length..].Trim() ?? "";
        var blocks = new List<RuleBlock>();
        var current = new List<string>();
        bool? list = null;
        var numbered = false;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(new RuleBlock(list == true, numbered, current));
            }

            current = [];
            list = null;
            numbered = false;
        }

        foreach (var line in body.TakeWhile(l => !l.StartsWith("Citation:", StringComparison.Ordinal)))
        {
            var trimmed = line.Trim();
            var bullet = trimmed.StartsWith("- ", StringComparison.Ordinal);
            var number = trimmed.Length > 2 && char.IsAsciiDigit(trimmed[0]) && trimmed.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4;
            if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (bullet || number)
            {
                if (list != true)
                {
                    Flush();
                    list = true;
                    numbered = number;
                }

                current.Add(bullet ? trimmed[2..] : trimmed[(trimmed.IndexOf(". ", StringComparison.Ordinal) + 2)..]);
            }
            else if (list == true && line.StartsWith("  ", StringComparison.Ordinal))
            {
                current[^1] += " " + trimmed;
            }
            else
            {
                if (list == true)
                {
                    Flush();
                }

                list = false;
                if (current.Count == 0)
                {
                    current.Add(trimmed);
                }
                else
                {
                    current[^1] += " " + trimmed;
                }
            }
        }

        Flush();
        return new RuleText(id, section, blocks, citation, confidence);
    }
}
