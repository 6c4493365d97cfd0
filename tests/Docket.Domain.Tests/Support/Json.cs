using System.Text.Json;

namespace Docket.Domain.Tests.Support;

/// <summary>JSON bodies written in tests, as the <see cref="JsonElement"/> the parser takes.</summary>
internal static class Json
{
    /// <summary>Parses JSON text into a detached element (safe to keep after the document is gone).</summary>
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
