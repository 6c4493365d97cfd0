using Docket.Domain.Countries;

namespace Docket.Domain.Tests.CountryCodes;

/// <summary>The list behind country fields is the 249 officially assigned alpha-3 codes.</summary>
public sealed class AssignedCodeList
{
    [Fact]
    public void The_list_holds_the_249_officially_assigned_codes()
    {
        Assert.Equal(249, Iso3166Alpha3.Codes.Count);
    }

    [Fact]
    public void Every_code_in_the_list_is_three_upper_case_ASCII_letters_and_parses()
    {
        Assert.All(Iso3166Alpha3.Codes, code =>
        {
            Assert.Equal(3, code.Length);
            Assert.True(code.All(char.IsAsciiLetterUpper), code);
            Assert.True(CountryCode.TryParse(code, out _), code);
        });
    }

    [Theory]
    [InlineData("XKX")] // user-assigned (Kosovo), not officially assigned
    [InlineData("ANT")] // withdrawn (Netherlands Antilles)
    [InlineData("SCG")] // withdrawn (Serbia and Montenegro)
    [InlineData("EUE")] // exceptionally reserved
    public void Codes_that_are_not_officially_assigned_are_not_in_the_list(string code)
    {
        Assert.False(Iso3166Alpha3.Codes.Contains(code), code);
    }
}
