using Docket.Domain.Cases;

namespace Docket.Domain.Tests.ANumbers;

/// <summary>Anything that is not nine digits is refused, never padded or truncated.</summary>
public sealed class ANumberRefusal
{
    [Theory]
    [InlineData("12345678")] // 8 digits
    [InlineData("A1234-5678")] // 8 digits, written with a prefix
    [InlineData("0123456789")] // 10 digits
    [InlineData("A012-345-6789")] // 10 digits, written with a prefix
    [InlineData("A01B-345-678")] // a letter among the digits
    [InlineData("AA012345678")] // a second prefix letter
    [InlineData("B012345678")] // a prefix other than A
    [InlineData("012345678A")] // a trailing letter
    [InlineData("012.345.678")] // separators other than spaces and dashes
    [InlineData("０１２３４５６７８")] // full-width digits are not ASCII digits
    [InlineData("A")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_text_that_is_not_nine_digits_is_refused(string written)
    {
        Assert.False(ANumber.TryParse(written, out var parsed));
        Assert.Null(parsed);
        Assert.Throws<FormatException>(() => ANumber.Parse(written));
    }

    [Fact]
    public void A_missing_A_number_is_refused()
    {
        Assert.False(ANumber.TryParse(null, out var parsed));
        Assert.Null(parsed);
    }
}
