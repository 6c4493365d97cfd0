using System.Text;

namespace Docket.Web.Cases.Words;

/// <summary>The event vocabulary in plain words, for the timeline and the "Record an event" control.</summary>
public static class EventWords
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["CaseOpened"] = "Case opened",
        ["Admitted"] = "Admitted to the United States",
        ["Paroled"] = "Paroled into the United States",
        ["Entered"] = "Entered without inspection",
        ["MailingAddressChanged"] = "Mailing address changed",
        ["AttorneyEntered"] = "Attorney entered appearance",
        ["AttorneyWithdrew"] = "Attorney withdrew",
        ["NoticeToAppearServed"] = "Notice to Appear served",
        ["HearingScheduled"] = "Hearing scheduled",
        ["ApplicationFiled"] = "Application for relief filed",
        ["FearExpressed"] = "Fear of return expressed",
        ["FearScreeningCompleted"] = "Fear screening completed",
        ["JudgeDecided"] = "Judge decided",
        ["VoluntaryDepartureBondPosted"] = "Voluntary departure bond posted",
        ["ExpeditedRemovalOrdered"] = "Expedited removal ordered",
        ["AppealFiled"] = "Appeal filed",
        ["AppealDecided"] = "Appeal decided",
        ["MotionFiled"] = "Motion filed",
        ["MotionDecided"] = "Motion decided",
        ["PetitionForReviewFiled"] = "Petition for review filed",
        ["StayRequested"] = "Stay of removal requested",
        ["StayGranted"] = "Stay of removal granted",
        ["StayLifted"] = "Stay of removal lifted",
        ["ProtectedStatusGranted"] = "Protected status granted",
        ["ProtectedStatusEnded"] = "Protected status ended",
        ["CitizenshipClaimed"] = "US citizenship claimed",
        ["CitizenshipClaimResolved"] = "Citizenship claim resolved",
        ["ThirdCountryNoticeServed"] = "Third-country notice served",
        ["CustodyStarted"] = "Custody started",
        ["CustodyEnded"] = "Custody ended",
        ["DepartureReported"] = "Departure reported",
        ["DepartureVerified"] = "Departure verified",
        ["DepartureRejected"] = "Departure report rejected",
        ["RemovalCarriedOut"] = "Removal carried out",
        ["CaseClosed"] = "Case closed",
        ["EntryCorrected"] = "Entry corrected",
    };

    /// <summary>The place of a type in the vocabulary's order (the order of a case's life).</summary>
    public static int Order(string type) => Names.Keys.ToList().IndexOf(type) is var i and >= 0 ? i : int.MaxValue;

    public static string Name(string type) => Names.TryGetValue(type, out var name) ? name : Field(type);

    /// <summary>A wire field name in words: <c>hearingDate</c> is "Hearing date".</summary>
    public static string Field(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    /// <summary>A closed set's wire value in words: kebab-case becomes spaced, country codes get their names.</summary>
    public static string Value(string field, string value) =>
        IsCountry(field) || Docket.Domain.Events.EventJson.TryParseDate(value, out _) ? Text(field, value) : value.Replace('-', ' ');

    /// <summary>A value someone typed (a name, a court, a reason): as written, but a country by its name and a date in words.</summary>
    public static string Text(string field, string value) =>
        IsCountry(field) ? CountryNames.Describe(value)
        : Docket.Domain.Events.EventJson.TryParseDate(value, out var date) ? Docket.Web.Pages.PlainDates.Text(date)
        : value;

    private static bool IsCountry(string field) => field.Contains("ountr", StringComparison.Ordinal) || field == "citizenship";
}
