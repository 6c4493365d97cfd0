using System.Text.Json;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Nesting no event needs, and numbers no field can hold, are refused naming the field, never thrown.</summary>
public sealed class DepthAndNumbers
{
    private static JsonElement Deep(string body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 5000 });
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(100)]
    [InlineData(2000)]
    public void Bug_a_body_nested_deeper_than_any_event_threw_instead_of_being_refused(int depth)
    {
        var result = EventJson.Parse(Deep($$"""{"type":"AppealFiled","on":"2024-09-20","board":{{new string('[', depth)}}{{new string(']', depth)}}}"""));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("board", StringComparison.Ordinal) && e.Contains($"more than {EventJson.MaxDepth} levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrections_nested_inside_corrections_are_refused_not_followed_down()
    {
        var body = """{"type":"AttorneyWithdrew","on":"2024-03-05"}""";
        for (var i = 0; i < 50; i++)
        {
            body = $$"""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"again","replacement":{{body}}}""";
        }

        var result = EventJson.Parse(Deep(body));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void The_deepest_event_of_the_vocabulary_is_within_the_limit()
    {
        Parsing.Accepted("""{"type":"EntryCorrected","on":"2024-10-01","correctsVersion":2,"reason":"countries entered in the wrong list","replacement":{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","alternateCountries":["CAN"],"protectedCountries":["GTM"],"appeal":"reserved","inAbsentia":false}}""");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("3000000000")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("2.5")]
    [InlineData("2.0")]
    [InlineData("\"2\"")]
    [InlineData("true")]
    public void Bug_a_huge_or_fractional_number_for_a_version_was_not_refused_naming_correctsVersion(string number)
    {
        var errors = Parsing.Refused(
            $$$"""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":{{{number}}},"reason":"typo","replacement":{"type":"AttorneyWithdrew","on":"2024-03-05"}}""",
            "correctsVersion");

        Assert.Contains(errors, e => e.StartsWith("correctsVersion: must be a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_number_where_a_flag_or_text_belongs_is_refused_naming_the_field()
    {
        Parsing.Refused("""{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"master","court":1e400,"earlierDateRequested":1e400}""", "court");
        Parsing.Refused("""{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"master","court":"Brindlemoor","earlierDateRequested":1e400}""", "earlierDateRequested");
    }
}
