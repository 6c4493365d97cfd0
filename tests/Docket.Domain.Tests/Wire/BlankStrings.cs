using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Text fields carry text: blank or non-string values are refused.</summary>
public sealed class BlankStrings
{
    public static TheoryData<string> Blanks => ["", " ", "   ", "\\t", "\\n \\r"];

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_blank_required_text_is_refused_naming_the_field(string blank)
    {
        Parsing.Refused($$"""{"type":"DepartureRejected","on":"2025-05-27","reason":"{{blank}}"}""", "reason");
        Parsing.Refused($$"""{"type":"MailingAddressChanged","on":"2024-03-20","address":"{{blank}}"}""", "address");
        Parsing.Refused($$"""{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"{{blank}}"}""", "barNumber");
        Parsing.Refused($$"""{"type":"PetitionForReviewFiled","on":"2025-03-10","court":"{{blank}}"}""", "court");
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_blank_name_on_opening_is_refused_naming_the_field(string blank)
    {
        Parsing.Refused(
            $$"""{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"{{blank}}","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}""",
            "familyName");
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_blank_optional_text_is_refused_rather_than_taken_as_absent(string blank)
    {
        Parsing.Refused($$"""{"type":"StayGranted","on":"2025-03-12","by":"judge","reference":"{{blank}}"}""", "reference");
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_blank_charge_is_refused_naming_charges(string blank)
    {
        Parsing.Refused($$"""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":["212(a)(6)(A)(i)","{{blank}}"]}""", "charges[1]");
    }

    [Theory]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":17}""", "reason")]
    [InlineData("""{"type":"DepartureRejected","on":"2025-05-27","reason":{"text":"no record"}}""", "reason")]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":"212(a)(6)(A)(i)"}""", "charges")]
    [InlineData("""{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":[212]}""", "charges[0]")]
    public void A_text_field_that_is_not_a_string_is_refused_naming_the_field(string body, string field)
    {
        Parsing.Refused(body, field);
    }

    [Fact]
    public void A_text_longer_than_two_thousand_characters_is_refused_naming_the_field()
    {
        var text = new string('q', 2001);

        Parsing.Refused($$"""{"type":"DepartureRejected","on":"2025-05-27","reason":"{{text}}"}""", "reason");
        Parsing.Accepted($$"""{"type":"DepartureRejected","on":"2025-05-27","reason":"{{text[1..]}}"}""");
    }
}
