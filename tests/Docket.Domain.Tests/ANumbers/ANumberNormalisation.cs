using Docket.Domain.Cases;

namespace Docket.Domain.Tests.ANumbers;

/// <summary>The forms people write an A-number in all lead to one stream key: nine digits.</summary>
public sealed class ANumberNormalisation
{
    [Theory]
    [InlineData("A012-345-678")]
    [InlineData("a 012 345 678")]
    [InlineData("012345678")]
    [InlineData("  A012345678  ")]
    [InlineData("A-012-345-678")]
    public void An_A_number_with_prefix_spaces_and_dashes_is_normalised(string written)
    {
        Assert.True(ANumber.TryParse(written, out var parsed));
        Assert.Equal("012345678", parsed.Value.Digits);
        Assert.Equal("012345678", parsed.Value.ToString());
    }

    [Fact]
    public void Two_spellings_of_one_A_number_are_the_same_value()
    {
        Assert.Equal(ANumber.Parse("A012-345-678"), ANumber.Parse("a 012 345 678"));
    }

    [Fact]
    public void Leading_zeros_are_kept_rather_than_dropped()
    {
        Assert.Equal("000000007", ANumber.Parse("A000-000-007").Digits);
    }
}
