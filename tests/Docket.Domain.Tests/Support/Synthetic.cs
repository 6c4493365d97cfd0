using System.Text.Json;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using NodaTime;

namespace Docket.Domain.Tests.Support;

/// <summary>Events about invented people only.</summary>
internal static class Synthetic
{
    public const string ANumberAsWritten = "A012-345-678";

    public const string ANumberDigits = "012345678";

    public static LocalDate Day(int year, int month, int day) => new(year, month, day);

    public static CaseOpened Opened() => new(
        ANumberAsWritten,
        "Quillfeather",
        "Anselm",
        Day(1990, 5, 17),
        CountryCode.Parse("MEX"),
        "BRM")
    {
        On = Day(2024, 3, 4),
    };

    public static AttorneyEntered Attorney(string name = "Orsolya Fennimore", string barNumber = "BAR-77120") =>
        new(name, barNumber) { On = Day(2024, 3, 5) };

    public static NoticeToAppearServed Notice(LocalDate? hearingDate, string? hearingPlace = "Brindlemoor Immigration Court") =>
        new(ServiceMethod.Personal, hearingDate, hearingPlace, ["212(a)(6)(A)(i)"]) { On = Day(2024, 4, 1) };

    public static HearingScheduled Hearing(LocalDate date, HearingKind kind = HearingKind.Individual) =>
        new(date, kind, "Brindlemoor Immigration Court") { On = Day(2024, 5, 1) };

    public static JudgeDecided Decided(DecisionOutcome outcome, AppealChoice? appeal, bool inAbsentia = false) =>
        new(outcome, Appeal: appeal, InAbsentia: inAbsentia) { On = Day(2024, 9, 2) };

    public static EntryCorrected Correction(int correctsVersion, string replacementBody) =>
        new(correctsVersion, "entered with a typing mistake", Json.Element(replacementBody)) { On = Day(2024, 10, 1) };

    /// <summary>The wire body of an event, for tests that reason about JSON.</summary>
    public static JsonElement Body(CaseEvent @event) => Json.Element(EventJson.SerializeBody(@event));
}
