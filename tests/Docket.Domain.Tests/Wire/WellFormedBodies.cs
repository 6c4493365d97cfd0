namespace Docket.Domain.Tests.Wire;

/// <summary>
/// One well-formed body for every type of the v1 vocabulary (docs/events.md), written in the
/// canonical form: fields in declaration order, no whitespace, absent optionals omitted,
/// every required field written (a list as [] when empty).
/// </summary>
internal static class WellFormedBodies
{
    public static IReadOnlyList<(string Type, string Body)> All { get; } =
    [
        ("CaseOpened", """{"type":"CaseOpened","on":"2024-03-04","aNumber":"012345678","familyName":"Quillfeather","givenNames":"Anselm","dateOfBirth":"1990-05-17","citizenship":"MEX","office":"BRM"}"""),
        ("Admitted", """{"type":"Admitted","on":"2019-08-01","classOfAdmission":"F-1","admittedUntil":"2023-08-01"}"""),
        ("Admitted", """{"type":"Admitted","on":"2019-08-01","classOfAdmission":"F-1"}"""),
        ("Paroled", """{"type":"Paroled","on":"2022-01-10","until":"2024-01-10"}"""),
        ("Entered", """{"type":"Entered","on":"2021-07-19","how":"without-inspection"}"""),
        ("MailingAddressChanged", """{"type":"MailingAddressChanged","on":"2024-03-20","address":"12 Lantern Row, Brindlemoor"}"""),
        ("MailingAddressChanged", """{"type":"MailingAddressChanged","on":"2024-03-20","address":"Flat 3\n12 Lantern Row\tBrindlemoor"}"""), // free text: line feed and tab
        ("AttorneyEntered", """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77120"}"""),
        ("AttorneyWithdrew", """{"type":"AttorneyWithdrew","on":"2024-06-30"}"""),
        ("NoticeToAppearServed", """{"type":"NoticeToAppearServed","on":"2024-04-01","method":"personal","hearingDate":"2024-06-10","hearingPlace":"Brindlemoor Immigration Court","charges":["212(a)(6)(A)(i)","237(a)(1)(B)"]}"""),
        ("NoticeToAppearServed", """{"type":"NoticeToAppearServed","on":"2024-04-01","method":"mail","charges":[]}"""),
        ("HearingScheduled", """{"type":"HearingScheduled","on":"2024-05-01","date":"2024-09-02","kind":"individual","court":"Brindlemoor Immigration Court","earlierDateRequested":true}"""),
        ("ApplicationFiled", """{"type":"ApplicationFiled","on":"2024-05-15","relief":"voluntary-departure"}"""),
        ("FearExpressed", """{"type":"FearExpressed","on":"2024-02-02"}"""),
        ("FearScreeningCompleted", """{"type":"FearScreeningCompleted","on":"2024-02-09","outcome":"negative","judgeReview":"requested","country":"GTM"}"""),
        ("JudgeDecided", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","relief":"withholding","removalCountry":"MEX","alternateCountries":["CAN","CRI"],"protectedCountries":["GTM"],"appeal":"reserved","inAbsentia":false}"""),
        ("JudgeDecided", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"voluntary-departure-granted","alternateCountries":[],"protectedCountries":[],"departBy":"2024-12-31","appeal":"waived","inAbsentia":false}"""),
        ("JudgeDecided", """{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","alternateCountries":[],"protectedCountries":[],"inAbsentia":true}"""),
        ("VoluntaryDepartureBondPosted", """{"type":"VoluntaryDepartureBondPosted","on":"2024-09-06"}"""),
        ("ExpeditedRemovalOrdered", """{"type":"ExpeditedRemovalOrdered","on":"2024-02-01"}"""),
        ("AppealFiled", """{"type":"AppealFiled","on":"2024-09-20"}"""),
        ("AppealDecided", """{"type":"AppealDecided","on":"2025-02-14","outcome":"remanded"}"""),
        ("MotionFiled", """{"type":"MotionFiled","on":"2025-01-06","kind":"reopen","grounds":"in-absentia-no-notice"}"""),
        ("MotionDecided", """{"type":"MotionDecided","on":"2025-03-03","outcome":"granted"}"""),
        ("PetitionForReviewFiled", """{"type":"PetitionForReviewFiled","on":"2025-03-10","court":"Court of Appeals for the Ninth Circuit"}"""),
        ("StayRequested", """{"type":"StayRequested","on":"2025-03-10","before":"circuit-court"}"""),
        ("StayGranted", """{"type":"StayGranted","on":"2025-03-12","by":"district-court","until":"2025-06-12","reference":"STAY-0042"}"""),
        ("StayLifted", """{"type":"StayLifted","on":"2025-06-12","by":"board"}"""),
        ("ProtectedStatusGranted", """{"type":"ProtectedStatusGranted","on":"2023-01-31","kind":"u-pending","until":"2027-01-31"}"""),
        ("ProtectedStatusEnded", """{"type":"ProtectedStatusEnded","on":"2025-01-31","kind":"deferred-action"}"""),
        ("CitizenshipClaimed", """{"type":"CitizenshipClaimed","on":"2024-04-15"}"""),
        ("CitizenshipClaimResolved", """{"type":"CitizenshipClaimResolved","on":"2024-05-15","outcome":"rejected"}"""),
        ("ThirdCountryNoticeServed", """{"type":"ThirdCountryNoticeServed","on":"2025-04-01","country":"CRI"}"""),
        ("CustodyStarted", """{"type":"CustodyStarted","on":"2025-04-02"}"""),
        ("CustodyEnded", """{"type":"CustodyEnded","on":"2025-05-02"}"""),
        ("DepartureReported", """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"carrier-manifest","port":"Brindlemoor Harbour"}"""),
        ("DepartureReported", """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"GTM","source":"self-report","mode":"air","evidence":"boarding-pass"}"""),
        ("DepartureReported", """{"type":"DepartureReported","on":"2025-05-20","destinationCountry":"HND","source":"exit-record","port":"Puerto Cortés","mode":"consular","evidence":"consular-verification"}"""),
        ("DepartureVerified", """{"type":"DepartureVerified","on":"2025-05-27"}"""),
        ("DepartureRejected", """{"type":"DepartureRejected","on":"2025-05-27","reason":"no exit record on the stated date"}"""),
        ("RemovalCarriedOut", """{"type":"RemovalCarriedOut","on":"2025-05-30","destinationCountry":"MEX"}"""),
        ("CaseClosed", """{"type":"CaseClosed","on":"2025-06-01","reason":"administrative"}"""),
        ("EntryCorrected", """{"type":"EntryCorrected","on":"2024-03-06","correctsVersion":2,"reason":"bar number mistyped","replacement":{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121"}}"""),
    ];

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (type, body) in All)
        {
            rows.Add(type, body);
        }

        return rows;
    }
}
