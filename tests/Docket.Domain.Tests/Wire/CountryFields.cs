using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Every country field, single or in a list, takes only assigned upper-case alpha-3 codes.</summary>
public sealed class CountryFields
{
    public static TheoryData<string> BadCodes => ["XX", "mex", "XXX", "MX", "Gtm", "MEXICO", ""];

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void A_bad_code_in_a_country_field_is_refused_naming_country(string code)
    {
        Parsing.Refused($$"""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":"{{code}}"}""", "country");
    }

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void A_bad_code_in_a_destination_country_is_refused_naming_destinationCountry(string code)
    {
        Parsing.Refused($$"""{"type":"RemovalCarriedOut","on":"2025-05-30","destinationCountry":"{{code}}"}""", "destinationCountry");
        Parsing.Refused(
            $$"""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"{{code}}","source":"self-report"}""",
            "destinationCountry");
    }

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void A_bad_code_for_citizenship_is_refused_naming_citizenship(string code)
    {
        Parsing.Refused(
            $$"""{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"{{code}}","office":"BRM"}""",
            "citizenship");
    }

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void A_bad_code_in_an_optional_country_field_is_refused_naming_it(string code)
    {
        Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"{{code}}","appeal":"reserved","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""",
            "removalCountry");
        Parsing.Refused(
            $$"""{"type":"FearScreeningCompleted","on":"2024-02-09","outcome":"positive","judgeReview":"declined","country":"{{code}}"}""",
            "country");
    }

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void A_bad_code_inside_a_country_list_is_refused_naming_the_list(string code)
    {
        Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","alternateCountries":["CAN","{{code}}"],"appeal":"reserved","protectedCountries":[],"inAbsentia":false}""",
            "alternateCountries[1]");
        Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","protectedCountries":["{{code}}"],"appeal":"reserved","alternateCountries":[],"inAbsentia":false}""",
            "protectedCountries[0]");
    }

    [Theory]
    [InlineData("""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":484}""")]
    [InlineData("""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":["MEX"]}""")]
    public void A_country_that_is_not_a_string_is_refused_naming_country(string body)
    {
        Parsing.Refused(body, "country");
    }
}
