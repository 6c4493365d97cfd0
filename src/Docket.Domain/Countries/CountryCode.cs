using System.Diagnostics.CodeAnalysis;

namespace Docket.Domain.Countries;

/// <summary>An ISO 3166-1 alpha-3 country code (upper case), for example "MEX".</summary>
public readonly record struct CountryCode
{
    private CountryCode(string code) => Code = code;

    public string Code { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CountryCode? value)
    {
        value = null;
        if (text is null || text.Length != 3)
        {
            return false;
        }

        // Only upper case is accepted: the code is stored as given and hashed, so "mex" and
        // "MEX" must not become two spellings of one fact.
        if (!Iso3166Alpha3.Codes.Contains(text))
        {
            return false;
        }

        value = new CountryCode(text);
        return true;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var value)
            ? value.Value
            : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-3 country code.");

    public override string ToString() => Code;
}
