using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Dates are real calendar dates written exactly YYYY-MM-DD, in <c>on</c> and in every date field.</summary>
public sealed class ImpossibleDates
{
    public static TheoryData<string> NotDates =>
    [
        "2025-02-30", // no such day
        "2025-02-29", // not a leap year
        "2025-13-01", // no such month
        "2025-00-10",
        "2025-04-31",
        "25-01-01", // two-digit year
        "2025-1-1", // unpadded month and day
        "2025-01-1",
        "2025/01/01",
        "01-01-2025",
        "2025-01-01T00:00:00Z", // an instant is not a date
        " 2025-01-01",
        "2025-01-01 ",
        "20250101",
        "-0001-01-01", // a signed year is not YYYY
        "+2025-01-01",
        "12025-01-01",
        "",
    ];

    [Theory]
    [MemberData(nameof(NotDates))]
    public void An_impossible_or_misspelt_effective_date_is_refused_naming_on(string date)
    {
        Parsing.Refused($$"""{"type":"AppealFiled","on":"{{date}}"}""", "on");
    }

    [Theory]
    [InlineData("""{"type":"AppealFiled","on":20250101}""")]
    [InlineData("""{"type":"AppealFiled","on":{"year":2025,"month":1,"day":1}}""")]
    public void An_effective_date_that_is_not_a_string_is_refused_naming_on(string body)
    {
        Parsing.Refused(body, "on");
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("25-01-01")]
    [InlineData("2025-1-1")]
    public void An_impossible_hearing_date_is_refused_naming_date(string date)
    {
        Parsing.Refused(
            $$"""{"type":"HearingScheduled","on":"2024-05-01","date":"{{date}}","kind":"master","court":"Brindlemoor Immigration Court"}""",
            "date");
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("25-01-01")]
    [InlineData("2025-1-1")]
    public void An_impossible_optional_date_is_refused_naming_its_field(string date)
    {
        Parsing.Refused($$"""{"type":"Paroled","on":"2024-01-10","until":"{{date}}"}""", "until");
        Parsing.Refused(
            $$"""{"type":"JudgeDecided","on":"2024-09-02","outcome":"voluntary-departure-granted","departBy":"{{date}}","appeal":"waived","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""",
            "departBy");
    }

    [Fact]
    public void An_impossible_date_of_birth_is_refused_naming_dateOfBirth()
    {
        Parsing.Refused(
            """{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-02-30","citizenship":"MEX","office":"BRM"}""",
            "dateOfBirth");
    }

    [Fact]
    public void A_leap_day_in_a_leap_year_is_a_real_date()
    {
        var parsed = Parsing.Accepted("""{"type":"AppealFiled","on":"2024-02-29"}""");

        Assert.Equal(Synthetic.Day(2024, 2, 29), parsed.On);
    }
}
