using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>The envelope of every event is an object with a known <c>type</c> and an <c>on</c> date.</summary>
public sealed class EnvelopeRefusal
{
    [Theory]
    [InlineData("""[{"type":"AppealFiled","on":"2024-09-20"}]""")]
    [InlineData("\"AppealFiled\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void A_body_that_is_not_a_JSON_object_is_refused(string body)
    {
        var result = EventJson.Parse(Json.Element(body));

        Assert.False(result.Succeeded);
        Assert.Null(result.Event);
        Assert.Contains(result.Errors, e => e.Contains("JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_without_a_type_is_refused_naming_type()
    {
        Parsing.Refused("""{"on":"2024-09-20","outcome":"dismissed"}""", "type");
    }

    [Theory]
    [InlineData("""{"type":null,"on":"2024-09-20"}""")]
    [InlineData("""{"type":7,"on":"2024-09-20"}""")]
    [InlineData("""{"type":["AppealFiled"],"on":"2024-09-20"}""")]
    public void A_type_that_is_not_a_string_is_refused_naming_type(string body)
    {
        Parsing.Refused(body, "type");
    }

    [Theory]
    [InlineData("PersonLocated")] // not an event of the vocabulary, and never will be
    [InlineData("appealFiled")] // type names are matched exactly
    [InlineData("APPEALFILED")]
    [InlineData("CaseEvent")] // the abstract base is not a type on the wire
    [InlineData("")]
    public void An_unknown_type_is_refused_naming_type(string type)
    {
        var errors = Parsing.Refused($$"""{"type":"{{type}}","on":"2024-09-20"}""", "type");

        Assert.Contains(errors, e => e.Contains("v1 vocabulary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_without_an_effective_date_is_refused_naming_on()
    {
        Parsing.Refused("""{"type":"AppealFiled"}""", "on");
    }

    [Fact]
    public void A_null_effective_date_is_refused_naming_on()
    {
        Parsing.Refused("""{"type":"AppealFiled","on":null}""", "on");
    }

    [Fact]
    public void An_empty_object_is_refused_naming_both_type_and_on()
    {
        var errors = Parsing.Refused("{}", "type");

        Assert.Contains(errors, e => e.StartsWith("on:", StringComparison.Ordinal));
    }
}
