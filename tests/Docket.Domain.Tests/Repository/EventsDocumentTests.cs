using System.Text.Json;
using Docket.Domain.Events;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Repository;

/// <summary>
/// docs/events.md documents the vocabulary the parser reads: a <c>### Type</c> section for every
/// event type, a table row for every field, and examples that parse as that type.
/// </summary>
public sealed class EventsDocumentTests
{
    private static readonly MarkdownFile File = MarkdownFile.Load(RepositoryPaths.Events);

    /// <summary>The lines of each <c>### </c> section, by its heading.</summary>
    private static readonly Dictionary<string, List<(string Line, bool InCode)>> Sections = ReadSections();

    public static TheoryData<string> Types() => [.. EventTypes.ByName.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_section_is_an_event_type_and_every_type_has_a_section()
    {
        var documented = Sections.Keys.ToHashSet(StringComparer.Ordinal);
        var types = EventTypes.ByName.Keys.ToHashSet(StringComparer.Ordinal);

        Assert.True(types.Count >= 30, $"expected the event types, found {types.Count}");
        Assert.Empty(types.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(types).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_field_of_the_type_has_a_row_in_its_table(string type)
    {
        // type and on are the envelope, documented once for every event.
        var fields = EventJson.Options.GetTypeInfo(EventTypes.ByName[type]).Properties.Select(p => p.Name).Except(["type", "on"]).ToList();
        var rows = Sections[type].Where(l => !l.InCode).Select(l => l.Line).ToList();

        var missing = fields.Where(field => !rows.Any(row => row.StartsWith($"| `{field}` |", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, $"docs/events.md, {type}: no table row for {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_example_parses_as_its_type(string type)
    {
        var examples = Examples(type);
        // A field the document marks as a coming addition ("(v1.1)") may run ahead of the parser.
        var coming = Sections[type].Where(l => !l.InCode && l.Line.Contains("(v1.1)", StringComparison.Ordinal) && l.Line.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Line.Split('`')[1])
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            using var document = JsonDocument.Parse(example);
            var result = EventJson.Parse(document.RootElement);
            var errors = result.Errors.Where(e => !coming.Any(field => e == $"{field}: is not a field of {type}")).ToList();
            Assert.True(errors.Count == 0, $"docs/events.md, {type}: the example does not parse: {string.Join("; ", errors)}{Environment.NewLine}{example}");
            Assert.True(result.Event is null || result.Event.Type == type, $"docs/events.md, {type}: the example is a {result.Event?.Type}");
            Assert.Equal(type, document.RootElement.GetProperty("type").GetString());
        }
    }

    private static List<string> Examples(string type)
    {
        var examples = new List<string>();
        List<string>? open = null;
        foreach (var (line, inCode) in Sections[type])
        {
            if (line.StartsWith("```json", StringComparison.Ordinal))
            {
                open = [];
            }
            else if (open is not null && line.StartsWith("```", StringComparison.Ordinal))
            {
                examples.Add(string.Join('\n', open));
                open = null;
            }
            else if (open is not null && inCode)
            {
                open.Add(line);
            }
        }

        return examples;
    }

    private static Dictionary<string, List<(string Line, bool InCode)>> ReadSections()
    {
        var sections = new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
        List<(string, bool)>? current = null;
        for (var i = 0; i < File.Lines.Count; i++)
        {
            var line = File.Lines[i];
            if (!File.InCode[i] && line.StartsWith("### ", StringComparison.Ordinal))
            {
                current = [];
                Assert.True(sections.TryAdd(line[4..].Trim(), current), $"docs/events.md has two sections '{line}'");
            }
            else if (!File.InCode[i] && line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = null;
            }
            else
            {
                current?.Add((line, File.InCode[i]));
            }
        }

        return sections;
    }
}
