using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>A correction carries a full, valid replacement event, and never a case opening or another correction.</summary>
public sealed class EntryCorrectedReplacement
{
    private static string Correction(string replacement, int correctsVersion = 2) =>
        $$$"""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":{{{correctsVersion}}},"reason":"bar number mistyped","replacement":{{{replacement}}}}""";

    [Fact]
    public void A_valid_replacement_is_accepted_and_kept()
    {
        var corrected = Assert.IsType<EntryCorrected>(Parsing.Accepted(Correction(
            """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121"}""")));

        var replacement = Assert.IsType<AttorneyEntered>(EventJson.Parse(corrected.Replacement).Event);
        Assert.Equal("BAR-77121", replacement.BarNumber);
        Assert.Equal(2, corrected.CorrectsVersion);
    }

    [Theory]
    [InlineData("""{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore"}""", "replacement.barNumber")]
    [InlineData("""{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121","firm":"Fennimore"}""", "replacement.firm")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-14","outcome":"maybe"}""", "replacement.outcome")]
    [InlineData("""{"type":"AppealDecided","on":"2025-02-30","outcome":"dismissed"}""", "replacement.on")]
    [InlineData("""{"type":"AppealDecided","outcome":"dismissed"}""", "replacement.on")]
    [InlineData("""{"on":"2025-02-14","outcome":"dismissed"}""", "replacement.type")]
    [InlineData("""{"type":"PersonLocated","on":"2025-02-14"}""", "replacement.type")]
    [InlineData("""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":"XXX"}""", "replacement.country")]
    [InlineData("""{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","appeal":"waived","inAbsentia":true,"alternateCountries":[],"protectedCountries":[]}""", "replacement.appeal")]
    public void An_invalid_replacement_is_refused_naming_the_replacements_field(string replacement, string field)
    {
        Parsing.Refused(Correction(replacement), field);
    }

    [Theory]
    [InlineData("\"AttorneyEntered\"")]
    [InlineData("[]")]
    [InlineData("42")]
    public void A_replacement_that_is_not_an_object_is_refused_naming_replacement(string replacement)
    {
        var errors = Parsing.Refused(Correction(replacement), "replacement");

        Assert.Contains(errors, e => e.StartsWith("replacement", StringComparison.Ordinal) && e.Contains("JSON object", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_opening_as_replacement_is_refused_naming_replacement()
    {
        var errors = Parsing.Refused(
            Correction("""{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"GTM","office":"BRM"}"""),
            "replacement");

        Assert.Contains(errors, e => e.Contains("CaseOpened cannot be a replacement", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correction_as_replacement_is_refused_naming_replacement()
    {
        var errors = Parsing.Refused(
            Correction(Correction("""{"type":"AttorneyWithdrew","on":"2024-03-05"}""")),
            "replacement");

        Assert.Contains(errors, e => e.Contains("EntryCorrected cannot be a replacement", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_correction_of_a_version_below_one_is_refused_naming_correctsVersion(int version)
    {
        Parsing.Refused(Correction("""{"type":"AttorneyWithdrew","on":"2024-03-05"}""", version), "correctsVersion");
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    public void A_corrected_version_that_is_not_a_whole_number_is_refused_naming_correctsVersion(string version)
    {
        Parsing.Refused(
            $$$"""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":{{{version}}},"reason":"bar number mistyped","replacement":{"type":"AttorneyWithdrew","on":"2024-03-05"}}""",
            "correctsVersion");
    }
}
