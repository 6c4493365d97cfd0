using System.Reflection;

namespace Docket.Web.Cases.Words;

/// <summary>Countries by name with their ISO 3166-1 alpha-3 code, for pickers and for showing a code in words.</summary>
public static class CountryNames
{
    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> List = new(Load);
    private static readonly Lazy<Dictionary<string, string>> ByCode = new(() => List.Value.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal));

    /// <summary>Every country, by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All => List.Value;

    /// <summary>"Mexico (MEX)"; an unknown code is shown as it is.</summary>
    public static string Describe(string? code) =>
        code is null ? "" : ByCode.Value.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    private static List<(string, string)> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("cases/countries.tsv")
            ?? throw new InvalidOperationException("The list of countries is missing from the build.");
        using var reader = new StreamReader(stream);
        var list = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                list.Add((line[..tab], line[(tab + 1)..]));
            }
        }

        return list;
    }
}
