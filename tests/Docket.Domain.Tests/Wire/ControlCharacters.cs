using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// Text fields hold no control characters (U+0000–U+001F, U+007F–U+009F). A NUL was accepted
/// and kept by SQLite, while PostgreSQL refuses it (22021): the two databases must hold the same
/// facts. Free-text fields (an address, a stated reason) may run over lines: line feed and tab
/// only, so a line break has one spelling and one fact one hash.
/// </summary>
public sealed class ControlCharacters
{
    public static TheoryData<string> Controls => ["\\u0000", "\\u0001", "\\u0008", "\\u001b", "\\u001f", "\\u007f", "\\u0085", "\\u009f"];

    [Theory]
    [MemberData(nameof(Controls))]
    public void Bug_a_NUL_or_other_control_character_in_a_text_field_was_accepted(string control)
    {
        var errors = Parsing.Refused(
            $$"""{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quill{{control}}feather","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}""",
            "familyName");

        Assert.Contains(errors, e => e.Contains("control character U+00", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void A_control_character_in_free_text_is_refused_naming_the_field(string control)
    {
        Parsing.Refused($$"""{"type":"MailingAddressChanged","on":"2024-03-20","address":"12 Lantern Row{{control}}"}""", "address");
        Parsing.Refused($$"""{"type":"DepartureRejected","on":"2025-05-27","reason":"no record{{control}}"}""", "reason");
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void A_control_character_in_a_list_item_or_a_replacement_is_refused_naming_it(string control)
    {
        Parsing.Refused($$"""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":["212(a)(6)(A)(i){{control}}"]}""", "charges[0]");
        Parsing.Refused(
            $$$"""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"typo","replacement":{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya{{{control}}}","barNumber":"BAR-77121"}}""",
            "replacement.name");
    }

    [Theory]
    [InlineData("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"Flat 3\n12 Lantern Row\nBrindlemoor"}""")]
    [InlineData("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"Flat 3\t12 Lantern Row"}""")]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"no exit record on the stated date.\nThe carrier has no booking either."}""")]
    [InlineData("""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped:\nsee the G-28","replacement":{"type":"AttorneyWithdrew","on":"2024-03-05"}}""")]
    public void Line_feeds_and_tabs_are_accepted_in_free_text(string body)
    {
        Parsing.Accepted(body);
    }

    [Theory]
    [InlineData("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"Flat 3\r\n12 Lantern Row"}""", "address")]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":"no record\r"}""", "reason")]
    public void A_carriage_return_is_refused_even_in_free_text(string body, string field)
    {
        Parsing.Refused(body, field);
    }

    [Theory]
    [InlineData("""{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya\nFennimore","barNumber":"BAR-77121"}""", "name")]
    [InlineData("""{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"master","court":"Brindlemoor\tImmigration Court"}""", "court")]
    [InlineData("""{"type":"StayGranted","on":"2025-03-12","by":"judge","reference":"STAY-0042\n"}""", "reference")]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":["212(a)(6)(A)(i)\n237(a)(1)(B)"]}""", "charges[0]")]
    public void A_line_feed_or_tab_is_refused_in_a_one_line_field(string body, string field)
    {
        Parsing.Refused(body, field);
    }

    [Fact]
    public void Other_unusual_but_printable_characters_are_text_and_accepted()
    {
        var parsed = Assert.IsType<MailingAddressChanged>(Parsing.Accepted("""{"type":"MailingAddressChanged","on":"2024-03-20","address":"Calle Peña 4 · 2º izq. — Ñuñoa"}"""));

        Assert.Equal("Calle Peña 4 · 2º izq. — Ñuñoa", parsed.Address);
    }

    [Fact]
    public void A_stored_payload_written_before_the_rule_still_reads_back()
    {
        // Events are never rewritten: a NUL accepted by SQLite before the rule stays readable.
        var result = EventJson.ParsePayload("DepartureRejected", Synthetic.Day(2025, 5, 27), """{"reason":"no\u0000record"}""");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("no\0record", Assert.IsType<DepartureRejected>(result.Event).Reason);
    }
}
