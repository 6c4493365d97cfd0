using System.Text.Json;
using Docket.Domain.Calendar;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// One scenario file of tests/scenarios: a case history (an implicit CaseOpened, then
/// <see cref="Events"/>) and the checks it must pass. The format is read strictly, so a
/// misspelt key fails the scenario instead of silently checking nothing.
/// </summary>
internal sealed record Scenario(
    string File,
    string Name,
    IReadOnlyList<string> Rules,
    string Citation,
    string? Note,
    LocalDate Opened,
    string Citizenship,
    IReadOnlyList<JsonElement> Events,
    IReadOnlyList<JsonElement> Checks,
    CourtCalendar Calendar,
    IReadOnlyList<LocalDate> ExtraClosures)
{
    public const string ANumber = "A208-417-350";

    private static readonly HashSet<string> TopLevelKeys =
        ["name", "rules", "citation", "note", "opened", "citizenship", "calendar", "events", "checks"];

    /// <summary>Every file of tests/scenarios, by file name.</summary>
    public static IReadOnlyList<string> FileNames() =>
        [.. Directory.GetFiles(RepositoryPaths.ScenarioFolder, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static Scenario Load(string fileName)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.ScenarioFolder, fileName));
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        foreach (var property in root.EnumerateObject())
        {
            Assert.True(TopLevelKeys.Contains(property.Name), $"{fileName}: '{property.Name}' is not a key of the scenario format");
        }

        var closures = new List<LocalDate>();
        var inaugurationDayClosed = true;
        if (root.TryGetProperty("calendar", out var calendar))
        {
            foreach (var property in calendar.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "extraClosures":
                        closures.AddRange(property.Value.EnumerateArray().Select(d => Date(d)));
                        break;
                    case "inaugurationDayClosed":
                        inaugurationDayClosed = property.Value.GetBoolean();
                        break;
                    default:
                        Assert.Fail($"{fileName}: calendar.{property.Name} is not a calendar setting");
                        break;
                }
            }
        }

        return new Scenario(
            fileName,
            Required(root, "name").GetString()!,
            [.. Required(root, "rules").EnumerateArray().Select(r => r.GetString()!)],
            Required(root, "citation").GetString()!,
            root.TryGetProperty("note", out var note) ? note.GetString() : null,
            Date(Required(root, "opened")),
            Required(root, "citizenship").GetString()!,
            [.. Required(root, "events").EnumerateArray()],
            [.. Required(root, "checks").EnumerateArray()],
            calendar.ValueKind == JsonValueKind.Undefined ? CourtCalendar.Default : new CourtCalendar(closures, inaugurationDayClosed),
            closures);
    }

    /// <summary>The implicit opening: an invented person, office NYC, the scenario's citizenship.</summary>
    public string OpeningBody => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = nameof(CaseOpened),
        ["on"] = EventJson.DatePattern.Format(Opened),
        ["aNumber"] = ANumber,
        ["familyName"] = "Thistlewood",
        ["givenNames"] = "Marisol Ana",
        ["dateOfBirth"] = "1988-07-14",
        ["citizenship"] = Citizenship,
        ["office"] = "NYC",
    });

    public static JsonElement Required(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), $"'{name}' is required in {element}");
        return value;
    }

    public static LocalDate Date(JsonElement element)
    {
        var parsed = EventJson.DatePattern.Parse(element.GetString() ?? "");
        Assert.True(parsed.Success, $"'{element}' is not a date written YYYY-MM-DD");
        return parsed.Value;
    }

    public override string ToString() => File;
}
