using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>Every field without a <c>?</c> in the vocabulary must be present and not null.</summary>
public sealed class RequiredFields
{
    public static TheoryData<string, string> Missing => new()
    {
        { """{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}""", "familyName" },
        { """{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-05-17","office":"BRM"}""", "citizenship" },
        { """{"type":"Admitted","on":"2019-08-01"}""", "classOfAdmission" },
        { """{"type":"Entered","on":"2021-07-19"}""", "how" },
        { """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore"}""", "barNumber" },
        { """{"type":"NoticeToAppearServed","on":"2024-04-01","hearingDate":"2024-06-10"}""", "method" },
        { """{"type":"HearingScheduled","on":"2024-05-01","kind":"master","court":"Brindlemoor Immigration Court"}""", "date" },
        { """{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"master"}""", "court" },
        { """{"type":"FearScreeningCompleted","on":"2024-02-09","outcome":"positive"}""", "judgeReview" },
        { """{"type":"JudgeDecided","on":"2024-09-02","appeal":"reserved"}""", "outcome" },
        { """{"type":"AppealDecided","on":"2025-02-14"}""", "outcome" },
        { """{"type":"MotionFiled","on":"2025-01-06","kind":"reopen"}""", "grounds" },
        { """{"type":"StayGranted","on":"2025-03-12","until":"2025-06-12"}""", "by" },
        { """{"type":"ThirdCountryNoticeServed","on":"2025-04-01"}""", "country" },
        { """{"type":"DepartureReported","on":"2025-05-20","source":"exit-record"}""", "destinationCountry" },
        { """{"type":"RemovalCarriedOut","on":"2025-05-30"}""", "destinationCountry" },
        { """{"type":"CaseClosed","on":"2025-06-01"}""", "reason" },
        { """{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped"}""", "replacement" },
        { """{"type":"EntryCorrected","on":"2024-03-06","reason":"bar number mistyped","replacement":{"type":"AttorneyWithdrew","on":"2024-03-05"}}""", "correctsVersion" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void A_missing_required_field_is_refused_naming_it(string body, string field)
    {
        var errors = Parsing.Refused(body, field);

        Assert.Contains(errors, e => e.StartsWith(field + ": is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"CaseClosed","on":"2025-06-01","reason":null}""", "reason")]
    [InlineData("""{"type":"AttorneyEntered","on":"2024-03-05","name":null,"barNumber":"BAR-77120"}""", "name")]
    [InlineData("""{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":null}""", "country")]
    [InlineData("""{"type":"HearingScheduled","on":"2024-05-01","date":null,"kind":"master","court":"Brindlemoor Immigration Court"}""", "date")]
    [InlineData("""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped","replacement":null}""", "replacement")]
    [InlineData("""{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":null,"reason":"bar number mistyped","replacement":{"type":"AttorneyWithdrew","on":"2024-03-05"}}""", "correctsVersion")]
    public void Null_for_a_required_field_is_refused_naming_it(string body, string field)
    {
        Parsing.Refused(body, field);
    }

    [Fact]
    public void Null_for_an_optional_field_means_absent()
    {
        var parsed = Parsing.Accepted("""{"type":"Paroled","on":"2022-01-10","until":null}""");

        Assert.Null(Assert.IsType<Docket.Domain.Events.Paroled>(parsed).Until);
    }
}
