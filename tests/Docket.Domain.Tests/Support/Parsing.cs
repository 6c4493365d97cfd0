using Docket.Domain.Events;

namespace Docket.Domain.Tests.Support;

/// <summary>Assertions about what <see cref="EventJson.Parse(System.Text.Json.JsonElement)"/> makes of a body.</summary>
internal static class Parsing
{
    /// <summary>Parses a body that must be well formed and returns its event.</summary>
    public static CaseEvent Accepted(string body)
    {
        var result = EventJson.Parse(Json.Element(body));
        Assert.True(result.Succeeded, $"expected {body} to parse, but: {string.Join("; ", result.Errors)}");
        Assert.Empty(result.Errors);
        return result.Event!;
    }

    /// <summary>
    /// Parses a body that must be refused and checks that one of the errors names
    /// <paramref name="field"/> (errors are written "field: reason").
    /// </summary>
    public static IReadOnlyList<string> Refused(string body, string field)
    {
        var result = EventJson.Parse(Json.Element(body));
        Assert.False(result.Succeeded, $"expected {body} to be refused");
        Assert.Null(result.Event);
        Assert.NotEmpty(result.Errors);
        Assert.Contains(result.Errors, error => error.StartsWith(field + ":", StringComparison.Ordinal));
        return result.Errors;
    }
}
