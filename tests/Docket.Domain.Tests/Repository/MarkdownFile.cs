using System.Text;
using System.Text.RegularExpressions;

namespace Docket.Domain.Tests.Repository;

/// <summary>A heading of a Markdown file: its level (the number of <c>#</c>), its text and its line (1-based).</summary>
internal sealed record MarkdownHeading(int Level, string Text, int Line);

/// <summary>A relative or absolute link target written <c>[text](target)</c>, with the line it is on.</summary>
internal sealed record MarkdownLink(string Target, int Line);

/// <summary>
/// Just enough Markdown for the documentation tests: headings, links and the anchors GitHub
/// makes of headings, all outside fenced code blocks (where <c>#</c> and brackets mean nothing).
/// </summary>
internal sealed partial class MarkdownFile
{
    private MarkdownFile(string path, IReadOnlyList<string> lines, IReadOnlyList<bool> inCode)
    {
        Path = path;
        Lines = lines;
        InCode = inCode;
    }

    public string Path { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>For each line, whether it is inside (or is a fence of) a fenced code block.</summary>
    public IReadOnlyList<bool> InCode { get; }

    public static MarkdownFile Load(string path)
    {
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var inCode = new bool[lines.Length];
        var open = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal);
            inCode[i] = open || fence;
            open ^= fence;
        }

        return new MarkdownFile(path, lines, inCode);
    }

    public IEnumerable<MarkdownHeading> Headings()
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!InCode[i] && Heading().Match(Lines[i]) is { Success: true } match)
            {
                yield return new MarkdownHeading(match.Groups["hashes"].Length, match.Groups["text"].Value.Trim(), i + 1);
            }
        }
    }

    public IEnumerable<MarkdownLink> Links()
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            if (InCode[i])
            {
                continue;
            }

            // Inline code is not a link: `[a](b)` between backticks is text.
            var text = InlineCode().Replace(Lines[i], "");
            foreach (Match match in Link().Matches(text))
            {
                yield return new MarkdownLink(match.Groups["target"].Value, i + 1);
            }
        }
    }

    /// <summary>The anchors of the headings, as GitHub makes them (a repeated heading gets -1, -2, ...).</summary>
    public HashSet<string> Anchors()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in Headings())
        {
            var slug = Slug(heading.Text);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces made hyphens.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
