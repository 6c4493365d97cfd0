using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>A field the type does not have is refused, never silently dropped.</summary>
public sealed class UnknownFields
{
    [Theory]
    [InlineData("""{"type":"AppealFiled","on":"2024-09-20","board":"BIA"}""", "board")]
    [InlineData("""{"type":"CustodyStarted","on":"2025-04-02","facility":"Harrowgate"}""", "facility")] // custody is dates only
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"dismissed","Outcome":"dismissed"}""", "Outcome")] // names are matched exactly
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"dismissed","On":"2025-02-14"}""", "On")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"dismissed","Type":"AppealDecided"}""", "Type")]
    [InlineData("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed","destinationCountry":"MEX"}""", "destinationCountry")] // a field of another type
    [InlineData("""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report","latitude":14.6}""", "latitude")]
    public void An_unknown_field_is_refused_naming_it(string body, string field)
    {
        var errors = Parsing.Refused(body, field);

        Assert.Contains(errors, e => e.Contains("is not a field of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_given_twice_is_refused_naming_it()
    {
        Parsing.Refused("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed","reason":"removed"}""", "reason");
    }
}
