using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Closed value sets are written in kebab-case strings; any other spelling or a number is refused.</summary>
public sealed class EnumValues
{
    [Theory]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"maybe"}""", "outcome")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"Dismissed"}""", "outcome")] // PascalCase
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"DISMISSED"}""", "outcome")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":""}""", "outcome")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"RemovalOrdered","appeal":"reserved","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""", "outcome")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal_ordered","appeal":"reserved","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""", "outcome")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","appeal":"later","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""", "appeal")]
    [InlineData("""{"type":"Entered","on":"2021-07-19","how":"with-inspection"}""", "how")]
    [InlineData("""{"type":"MotionFiled","on":"2025-01-06","kind":"reopen","grounds":"in absentia no notice"}""", "grounds")]
    [InlineData("""{"type":"ProtectedStatusGranted","on":"2023-01-31","kind":"upending"}""", "kind")]
    [InlineData("""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"rumour"}""", "source")]
    public void A_value_outside_the_set_is_refused_naming_the_field(string body, string field)
    {
        var errors = Parsing.Refused(body, field);

        Assert.Contains(errors, e => e.StartsWith(field + ": must be one of", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":0}""", "outcome")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"0"}""", "outcome")]
    [InlineData("""{"type":"CaseClosed","on":"2025-06-01","reason":4}""", "reason")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":1,"appeal":"reserved","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""", "outcome")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"relief-granted","relief":0,"appeal":"waived","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}""", "relief")]
    public void An_integer_for_an_enum_value_is_refused_naming_the_field(string body, string field)
    {
        Parsing.Refused(body, field);
    }

    [Fact]
    public void The_refusal_lists_the_allowed_values()
    {
        var errors = Parsing.Refused("""{"type":"AppealDecided","on":"2025-02-14","outcome":"maybe"}""", "outcome");

        Assert.Contains("outcome: must be one of dismissed, sustained, remanded", errors);
    }
}
