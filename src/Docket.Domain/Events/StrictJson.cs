using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Docket.Domain.Events;

/// <summary>
/// JSON as Docket reads it from outside (request bodies, import lines, events). Two readers
/// that disagree about one document are a way to tamper with a record, so anything a reader
/// might resolve its own way is refused instead: a key given twice (System.Text.Json's
/// <see cref="JsonDocument"/> keeps both and a lookup takes the last), a string that is not
/// text (bytes that are not UTF-8, an escaped lone surrogate such as <c>\udfff</c>: reading
/// either throws), and nesting deeper than any body needs.
/// <para>
/// .NET 10 can refuse duplicates itself (<c>JsonDocumentOptions.AllowDuplicateProperties</c>),
/// but only while parsing text, and its message shortens a long key ("'destinationCoun...'").
/// The parser takes elements that someone else parsed, and a refusal must name the field in
/// full, so keys are checked here while walking the document, which the text check needs anyway.
/// </para>
/// </summary>
public static class StrictJson
{
    /// <summary>Reads a string value as text, or answers false where reading it would throw.</summary>
    public static bool TryGetText(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString();
            return text is not null;
        }
        catch (InvalidOperationException)
        {
            // "Cannot transcode invalid UTF-8" or "Cannot read invalid UTF-16" (a lone surrogate).
            return false;
        }
    }

    /// <summary>
    /// Every problem of <paramref name="root"/> as "path: reason", path written as
    /// <c>replacement.charges[1]</c>: keys given twice, keys and strings that are not text,
    /// arrays and objects nested more than <paramref name="maxDepth"/> levels (the root is
    /// level 1). Empty when the document can be read the same way by anyone.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonElement root, int maxDepth)
    {
        var problems = new List<string>();
        Walk(root, "", 1, maxDepth, problems);
        return problems;
    }

    internal const string NotText = "is not text (JSON strings must be valid UTF-8, without lone surrogates such as \\udfff)";

    private static void Walk(JsonElement element, string path, int depth, int maxDepth, List<string> problems)
    {
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array && depth > maxDepth)
        {
            // Not walked further: the limit also bounds the walk itself.
            problems.Add($"{Display(path)}: is nested more than {maxDepth} levels deep");
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryGetName(property, out var name))
                    {
                        problems.Add($"{Display(path)}: has a field name that {NotText}");
                        continue;
                    }

                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    if (!seen.Add(name))
                    {
                        problems.Add($"{at}: appears more than once");
                    }

                    Walk(property.Value, at, depth + 1, maxDepth, problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", depth + 1, maxDepth, problems);
                }

                break;
            case JsonValueKind.String when !TryGetText(element, out _):
                problems.Add($"{Display(path)}: {NotText}");
                break;
        }
    }

    private static bool TryGetName(JsonProperty property, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }

    private static string Display(string path) => path.Length == 0 ? "body" : path;
}
