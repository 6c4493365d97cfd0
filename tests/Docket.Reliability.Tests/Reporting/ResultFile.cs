using System.Text.Json;

namespace Docket.Reliability.Tests.Reporting;

/// <summary>Writes what a run found as JSON into <see cref="ReliabilitySettings.ResultsFolder"/>, for the report.</summary>
public static class ResultFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write<T>(string name, T result)
    {
        Directory.CreateDirectory(ReliabilitySettings.ResultsFolder);
        var path = Path.Combine(ReliabilitySettings.ResultsFolder, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(result, Indented));
        return path;
    }
}
