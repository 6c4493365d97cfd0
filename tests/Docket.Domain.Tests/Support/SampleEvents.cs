using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Tests.Support;

/// <summary>One well-formed body of every event type that can be appended, dated <c>on</c>.</summary>
internal static class SampleEvents
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Admitted"] = "\"classOfAdmission\":\"B2\"",
        ["Paroled"] = "\"until\":\"2027-06-01\"",
        ["Entered"] = "\"how\":\"without-inspection\"",
        ["MailingAddressChanged"] = "\"address\":\"9 Gorse Hill, Brindlemoor\"",
        ["AttorneyEntered"] = "\"name\":\"Orsolya Fennimore\",\"barNumber\":\"BAR-77120\"",
        ["AttorneyWithdrew"] = "",
        ["NoticeToAppearServed"] = "\"method\":\"personal\",\"charges\":[\"212(a)(6)(A)(i)\"]",
        ["HearingScheduled"] = "\"date\":\"2026-09-01\",\"kind\":\"master\",\"court\":\"Brindlemoor Immigration Court\"",
        ["ApplicationFiled"] = "\"relief\":\"asylum\"",
        ["FearExpressed"] = "",
        ["FearScreeningCompleted"] = "\"outcome\":\"negative\",\"judgeReview\":\"declined\"",
        ["JudgeDecided"] = "\"outcome\":\"removal-ordered\",\"removalCountry\":\"MEX\",\"alternateCountries\":[],\"protectedCountries\":[],\"appeal\":\"reserved\",\"inAbsentia\":false",
        ["VoluntaryDepartureBondPosted"] = "",
        ["ExpeditedRemovalOrdered"] = "",
        ["AppealFiled"] = "",
        ["AppealDecided"] = "\"outcome\":\"dismissed\"",
        ["MotionFiled"] = "\"kind\":\"reopen\",\"grounds\":\"other\"",
        ["MotionDecided"] = "\"outcome\":\"denied\"",
        ["PetitionForReviewFiled"] = "\"court\":\"Court of Appeals for the Second Circuit\"",
        ["StayRequested"] = "\"before\":\"board\"",
        ["StayGranted"] = "\"by\":\"board\"",
        ["StayLifted"] = "\"by\":\"board\"",
        ["ProtectedStatusGranted"] = "\"kind\":\"tps\"",
        ["ProtectedStatusEnded"] = "\"kind\":\"tps\"",
        ["CitizenshipClaimed"] = "",
        ["CitizenshipClaimResolved"] = "\"outcome\":\"rejected\"",
        ["ThirdCountryNoticeServed"] = "\"country\":\"CRI\"",
        ["CustodyStarted"] = "",
        ["CustodyEnded"] = "",
        ["DepartureReported"] = "\"destinationCountry\":\"MEX\",\"source\":\"exit-record\"",
        ["DepartureVerified"] = "",
        ["DepartureRejected"] = "\"reason\":\"no exit record matches\"",
        ["RemovalCarriedOut"] = "\"destinationCountry\":\"MEX\"",
        ["CaseClosed"] = "\"reason\":\"administrative\"",
        ["EntryCorrected"] = "\"correctsVersion\":2,\"reason\":\"typing error\",\"replacement\":{\"type\":\"Entered\",\"on\":\"2024-02-01\",\"how\":\"without-inspection\"}",
    };

    /// <summary>Every type but CaseOpened, which only POST /api/cases writes.</summary>
    public static IEnumerable<string> Types => Fields.Keys;

    public static string Body(string type, LocalDate on)
    {
        var fields = Fields[type];
        return $"{{\"type\":\"{type}\",\"on\":\"{EventJson.DatePattern.Format(on)}\"{(fields.Length == 0 ? "" : "," + fields)}}}";
    }

    public static CaseEvent Of(string type, LocalDate on) => Parsing.Accepted(Body(type, on));
}
