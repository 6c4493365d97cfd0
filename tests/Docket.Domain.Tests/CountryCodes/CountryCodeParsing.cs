using Docket.Domain.Countries;

namespace Docket.Domain.Tests.CountryCodes;

/// <summary>Country fields take ISO 3166-1 alpha-3 codes in upper case and nothing else.</summary>
public sealed class CountryCodeParsing
{
    [Theory]
    [InlineData("MEX")]
    [InlineData("GTM")]
    [InlineData("USA")]
    [InlineData("ABW")] // the first and the last code of the list
    [InlineData("ZWE")]
    public void An_assigned_alpha_3_code_is_accepted_as_written(string text)
    {
        Assert.True(CountryCode.TryParse(text, out var code));
        Assert.Equal(text, code.Value.Code);
        Assert.Equal(text, CountryCode.Parse(text).ToString());
    }

    [Theory]
    [InlineData("mex")] // lower case would be a second spelling of one fact
    [InlineData("Mex")]
    [InlineData("MX")] // alpha-2
    [InlineData("GT")]
    [InlineData("XXX")] // not assigned
    [InlineData("UKR ")]
    [InlineData("MEXI")]
    [InlineData("484")] // numeric code
    [InlineData("")]
    public void A_code_that_is_not_an_assigned_upper_case_alpha_3_code_is_refused(string text)
    {
        Assert.False(CountryCode.TryParse(text, out var code));
        Assert.Null(code);
        Assert.Throws<FormatException>(() => CountryCode.Parse(text));
    }

    [Fact]
    public void A_missing_code_is_refused()
    {
        Assert.False(CountryCode.TryParse(null, out var code));
        Assert.Null(code);
    }
}
