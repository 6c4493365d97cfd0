namespace Docket.Web.Language;

/// <summary>A country as a person picks it: its name in the page's language, with the ISO 3166-1 alpha-3 code.</summary>
public sealed record CountryChoice(string Code, string Name);
