using Docket.Web.SelfService;
using NodaTime;

namespace Docket.Web.Tests.SelfService;

/// <summary>A typed date (the sign-in's date of birth, a departure's day): MM/DD/YYYY or YYYY-MM-DD, and it says which it read.</summary>
public sealed class TypedDateTests
{
    [Theory]
    [InlineData("03/08/1990", 1990, 3, 8, DateWriting.MonthDayYear)]
    [InlineData("3/8/1990", 1990, 3, 8, DateWriting.MonthDayYear)]
    [InlineData(" 12/31/2001 ", 2001, 12, 31, DateWriting.MonthDayYear)]
    [InlineData("1990-03-08", 1990, 3, 8, DateWriting.IsoYearMonthDay)]
    public void A_usual_way_of_writing_a_date_is_read_and_named(string typed, int year, int month, int day, DateWriting expected)
    {
        Assert.True(TypedDate.TryParse(typed, out var date, out var writing));
        Assert.Equal(new LocalDate(year, month, day), date);
        Assert.Equal(expected, writing);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("31/12/2001")]
    [InlineData("02/30/1990")]
    [InlineData("1990-3-8")]
    [InlineData("08.03.1990")]
    [InlineData("March 8 1990")]
    [InlineData("03/08/90")]
    [InlineData("1990-03-08T00:00")]
    public void Anything_else_is_not_guessed_at(string? typed)
    {
        Assert.False(TypedDate.TryParse(typed, out _, out _));
    }
}
