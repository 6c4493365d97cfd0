using Docket.Domain.Countries;
using Microsoft.Extensions.Localization;

namespace Docket.Web.Language;

/// <summary>Country names by alpha-3 code (CountryNames.resx and its languages), for pickers and for showing a code.</summary>
public sealed class CountryNames(IStringLocalizer<CountryNames> names)
{
    public string Name(string code) => names[code] is { ResourceNotFound: false } found ? found.Value : code;

    /// <summary>Every country, in the alphabetical order of its name in this language.</summary>
    public IReadOnlyList<CountryChoice> All() =>
        [.. Iso3166Alpha3.Codes.Select(c => new CountryChoice(c, Name(c))).OrderBy(c => SortKey(c.Name), StringComparer.Ordinal)];

    // The process has no culture data (invariant globalization), so "Él" would sort after "Z":
    // compare on the letters without their accents.
    private static string SortKey(string name) => string.Concat(name.Select(c => c switch
    {
        'Á' or 'À' or 'Â' or 'Ä' or 'Å' or 'Ã' => 'A',
        'É' or 'È' or 'Ê' => 'E',
        'Í' or 'Î' => 'I',
        'Ó' or 'Ô' or 'Ö' => 'O',
        'Ú' or 'Ü' => 'U',
        'á' or 'à' or 'â' or 'ä' or 'å' or 'ã' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'î' or 'ï' => 'i',
        'ó' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ü' or 'û' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => char.ToUpperInvariant(c),
    }));
}
