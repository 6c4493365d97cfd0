using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// A key given twice is refused wherever it is, naming the key: two readers that take
/// different copies of one key read two different events from one body.
/// </summary>
public sealed class DuplicateKeys
{
    [Fact]
    public void Bug_a_type_given_twice_was_recorded_as_the_type_given_last()
    {
        var errors = Parsing.Refused("""{"type":"CustodyStarted","on":"2025-04-02","type":"AppealFiled"}""", "type");

        Assert.Contains("type: appears more than once", errors);
    }

    [Fact]
    public void Bug_an_effective_date_given_twice_was_read_as_the_one_given_last()
    {
        Parsing.Refused("""{"type":"AppealFiled","on":"2024-09-20","on":"2024-10-20"}""", "on");
    }

    [Fact]
    public void A_key_given_twice_inside_a_replacement_is_refused_naming_it_there()
    {
        var errors = Parsing.Refused(
            """{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped","replacement":{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121","barNumber":"BAR-00000"}}""",
            "replacement.barNumber");

        Assert.Contains("replacement.barNumber: appears more than once", errors);
    }

    [Fact]
    public void A_type_given_twice_inside_a_replacement_is_refused()
    {
        Parsing.Refused(
            """{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"wrong event","replacement":{"type":"CustodyStarted","on":"2024-03-05","type":"AppealFiled"}}""",
            "replacement.type");
    }

    [Fact]
    public void The_same_key_spelt_once_plainly_and_once_escaped_is_a_key_given_twice()
    {
        Parsing.Refused("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed","re\u0061son":"removed"}""", "reason");
    }

    [Fact]
    public void A_key_given_twice_in_a_stored_payload_is_refused()
    {
        var result = EventJson.ParsePayload("CaseClosed", Synthetic.Day(2025, 6, 1), """{"reason":"departed","reason":"removed"}""");

        Assert.False(result.Succeeded);
        Assert.Contains("reason: appears more than once", result.Errors);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_two_keys_and_the_unknown_one_is_refused()
    {
        var result = EventJson.Parse(Json.Element("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed","Reason":"removed"}"""));

        Assert.Contains("Reason: is not a field of CaseClosed", result.Errors);
        Assert.DoesNotContain(result.Errors, e => e.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_key_given_twice_is_named_in_full()
    {
        Parsing.Refused("""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report","destinationCountry":"MEX"}""", "destinationCountry");
    }
}
