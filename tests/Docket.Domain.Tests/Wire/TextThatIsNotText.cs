using System.Text;
using System.Text.Json;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// JSON strings that are not text (bytes that are not UTF-8, an escaped lone surrogate) are
/// refused naming the field. They used to throw from inside the parser ("Cannot transcode
/// invalid UTF-8 JSON text", "Cannot read invalid UTF-16 JSON text"), a 500 instead of a 400.
/// </summary>
public sealed class TextThatIsNotText
{
    /// <summary>Parses <paramref name="body"/> with <c>@@</c> replaced by bytes that are not UTF-8 (a lone continuation byte, then an overlong encoding).</summary>
    private static JsonElement WithBadBytes(string body)
    {
        var parts = body.Split("@@");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(parts[0]));
        for (var i = 1; i < parts.Length; i++)
        {
            bytes.AddRange([0x80, 0xC0, 0xAF]);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        using var document = JsonDocument.Parse(bytes.ToArray());
        return document.RootElement.Clone();
    }

    private static IReadOnlyList<string> Refused(JsonElement body, string field)
    {
        var result = EventJson.Parse(body);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith(field + ":", StringComparison.Ordinal));
        return result.Errors;
    }

    [Theory]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"no record@@"}""", "reason")]
    [InlineData("""{"type":"AppealFiled","on":"2024-09-2@@"}""", "on")]
    [InlineData("""{"type":"Appeal@@Filed","on":"2024-09-20"}""", "type")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"dis@@missed"}""", "outcome")]
    [InlineData("""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":"M@@X"}""", "country")]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":["212(a)(6)(A)(i)","@@"]}""", "charges[1]")]
    [InlineData("""{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"master","court":"Brindlemoor@@"}""", "court")]
    [InlineData("""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"typo","replacement":{"type":"MailingAddressChanged","on":"2024-03-05","address":"12 Lantern Row@@"}}""", "replacement.address")]
    public void Bug_a_string_that_is_not_UTF_8_threw_instead_of_being_refused_naming_its_field(string body, string field)
    {
        var errors = Refused(WithBadBytes(body), field);

        Assert.Contains(errors, e => e.Contains("not text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_that_is_not_UTF_8_is_refused_without_throwing()
    {
        var result = EventJson.Parse(WithBadBytes("""{"type":"AppealFiled","on":"2024-09-20","@@":1}"""));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("field name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"a\udfffb"}""", "reason")] // a lone low surrogate
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"a\ud800"}""", "reason")] // a high surrogate at the end
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"\udfff\ud800"}""", "reason")] // the pair in the wrong order
    [InlineData("""{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quill\udfff","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}""", "familyName")]
    [InlineData("""{"type":"AppealFiled","on":"2024-09-20\ud800"}""", "on")]
    public void Bug_a_lone_surrogate_threw_instead_of_being_refused_naming_its_field(string body, string field)
    {
        Refused(Json.Element(body), field);
    }

    [Fact]
    public void A_surrogate_pair_written_as_escapes_is_text_and_accepted()
    {
        var parsed = Assert.IsType<DepartureRejected>(Parsing.Accepted("""{"type":"DepartureRejected","on":"2025-05-27","reason":"see \ud83d\udcc4 attached"}"""));

        Assert.Equal("see \U0001F4C4 attached", parsed.Reason);
    }

    [Fact]
    public void A_stored_payload_with_a_lone_surrogate_is_refused_not_thrown()
    {
        var result = EventJson.ParsePayload("DepartureRejected", Synthetic.Day(2025, 5, 27), """{"reason":"a\udfffb"}""");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("reason:", StringComparison.Ordinal));
    }
}
