using System.Net;
using System.Text.RegularExpressions;

namespace Docket.Web.Rules;

/// <summary>The little inline markdown docs/rules.md uses (code, bold, italics, links), as safe HTML.</summary>
public static partial class InlineMarkdown
{
    public static string ToHtml(string text)
    {
        var html = WebUtility.HtmlEncode(text);
        html = Code().Replace(html, "<code>$1</code>");
        html = Bold().Replace(html, "<strong>$1</strong>");
        html = Italic().Replace(html, "<em>$1</em>");
        // Links inside the repository mean nothing on a server: keep their text.
        html = Link().Replace(html, "$1");
        return html;
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*([^*\s][^*]*)\*(?!\w)")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();
}
