using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// The payload is written canonically: one fact, however its body was spelt, gives one
/// payload string and so one hash.
/// </summary>
public sealed class CanonicalPayload
{
    private static string PayloadOf(string body) => EventJson.SerializePayload(Parsing.Accepted(body));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(
        """{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"individual","court":"Brindlemoor Immigration Court"}""",
        """
        {
          "court" : "Brindlemoor Immigration Court",
          "kind":"individual",
              "on": "2024-05-01",
          "date":"2024-09-02",   "type":"HearingScheduled"
        }
        """)]
    [InlineData(
        """{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","alternateCountries":["CAN"],"protectedCountries":[],"appeal":"reserved","inAbsentia":false}""",
        """{ "inAbsentia" : false, "appeal" : "reserved", "protectedCountries": [], "alternateCountries" : [ "CAN" ], "removalCountry" : "MEX", "outcome" : "removal-ordered", "on" : "2024-09-02", "type" : "JudgeDecided" }""")]
    [InlineData(
        """{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}""",
        """{"office":"BRM","citizenship":"MEX","dateOfBirth":"1990-05-17","givenNames":"Anselm","familyName":"Quillfeather","aNumber":"012345678","on":"2024-03-04","type":"CaseOpened"}""")]
    public void The_same_event_with_fields_in_another_order_and_other_whitespace_has_the_same_payload(string canonical, string respelt)
    {
        Assert.NotEqual(canonical, respelt);

        Assert.Equal(PayloadOf(canonical), PayloadOf(respelt));
        Assert.Equal(Sha256(PayloadOf(canonical)), Sha256(PayloadOf(respelt)));
    }

    [Fact]
    public void Optional_fields_given_as_null_or_left_out_have_the_same_payload()
    {
        Assert.Equal(
            PayloadOf("""{"type":"StayGranted","on":"2025-03-12","by":"judge"}"""),
            PayloadOf("""{"type":"StayGranted","on":"2025-03-12","by":"judge","until":null,"reference":null}"""));
    }

    [Fact]
    public void An_event_made_in_code_without_its_lists_is_written_with_empty_lists_its_reader_accepts()
    {
        var decided = new JudgeDecided(DecisionOutcome.Terminated, Appeal: AppealChoice.Waived) { On = Synthetic.Day(2024, 9, 2) };

        var body = EventJson.SerializeBody(decided);

        Assert.Equal("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"terminated","alternateCountries":[],"protectedCountries":[],"appeal":"waived","inAbsentia":false}""", body);
        Assert.Equal(EventJson.SerializePayload(decided), PayloadOf(body));
    }

    [Fact]
    public void A_departure_report_of_v1_without_mode_or_evidence_keeps_its_v1_payload()
    {
        Assert.Equal(
            """{"destinationCountry":"GTM","source":"self-report","port":"La Aurora"}""",
            PayloadOf("""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report","port":"La Aurora"}"""));
        Assert.Equal(
            """{"destinationCountry":"GTM","source":"self-report"}""",
            PayloadOf("""{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report","mode":null,"evidence":null}"""));
    }

    [Fact]
    public void Escaped_and_plain_spellings_of_the_same_text_have_the_same_payload()
    {
        Assert.Equal(
            PayloadOf("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"12 Lantern Row"}"""),
            PayloadOf("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"12 L\u0061ntern Row"}"""));
    }

    [Fact]
    public void A_correction_whose_replacement_is_spelt_differently_has_the_same_payload()
    {
        Assert.Equal(
            PayloadOf("""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped","replacement":{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121"}}"""),
            PayloadOf("""{"replacement":{ "barNumber":"BAR-77121", "name":"Orsolya Fennimore", "on":"2024-03-05", "type":"AttorneyEntered" },"reason":"bar number mistyped","correctsVersion":2,"on":"2024-03-06","type":"EntryCorrected"}"""));
    }

    [Fact]
    public void The_payload_holds_neither_type_nor_on()
    {
        var payload = PayloadOf("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed"}""");

        Assert.Equal("""{"reason":"departed"}""", payload);
    }

    [Fact]
    public void An_event_without_fields_has_an_empty_object_as_payload()
    {
        Assert.Equal("{}", PayloadOf("""{"type":"AppealFiled","on":"2024-09-20"}"""));
    }

    [Fact]
    public void Different_facts_have_different_payloads()
    {
        Assert.NotEqual(
            PayloadOf("""{"type":"CaseClosed","on":"2025-06-01","reason":"departed"}"""),
            PayloadOf("""{"type":"CaseClosed","on":"2025-06-01","reason":"removed"}"""));
    }
}
