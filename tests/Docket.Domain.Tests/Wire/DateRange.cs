using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// Dates outside 1900–2199 are refused at the wire: legal clocks add days and years to them,
/// and a year such as 9999 overflowed that arithmetic into a server error.
/// </summary>
public sealed class DateRange
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("0001-01-01")]
    public void A_date_outside_the_accepted_years_is_refused_naming_the_field(string date)
    {
        Parsing.Refused($$"""{"type":"AppealFiled","on":"{{date}}"}""", "on");
        Parsing.Refused($$"""{"type":"HearingScheduled","on":"2025-01-02","date":"{{date}}","kind":"master","court":"Brindlemoor"}""", "date");
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void The_first_and_last_accepted_days_are_accepted(string date)
    {
        Parsing.Accepted($$"""{"type":"AppealFiled","on":"{{date}}"}""");
    }
}
