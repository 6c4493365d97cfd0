using Docket.Domain.Events;

namespace Docket.Domain.Tests.Wire;

/// <summary>The event types the code knows are exactly the v1 vocabulary of docs/events.md.</summary>
public sealed class Vocabulary
{
    private static readonly string[] DesignV1 =
    [
        "CaseOpened", "Admitted", "Paroled", "Entered", "MailingAddressChanged", "AttorneyEntered",
        "AttorneyWithdrew", "NoticeToAppearServed", "HearingScheduled", "ApplicationFiled", "FearExpressed",
        "FearScreeningCompleted", "JudgeDecided", "VoluntaryDepartureBondPosted", "ExpeditedRemovalOrdered",
        "AppealFiled", "AppealDecided", "MotionFiled", "MotionDecided", "PetitionForReviewFiled",
        "StayRequested", "StayGranted", "StayLifted", "ProtectedStatusGranted", "ProtectedStatusEnded",
        "CitizenshipClaimed", "CitizenshipClaimResolved", "ThirdCountryNoticeServed", "CustodyStarted",
        "CustodyEnded", "DepartureReported", "DepartureVerified", "DepartureRejected", "RemovalCarriedOut",
        "CaseClosed", "EntryCorrected",
    ];

    [Fact]
    public void The_known_event_types_are_exactly_the_v1_vocabulary()
    {
        Assert.Equal(DesignV1.Order(StringComparer.Ordinal), EventTypes.ByName.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_type_of_the_vocabulary_has_a_well_formed_body_in_the_round_trip_table()
    {
        var covered = WellFormedBodies.All.Select(row => row.Type).ToHashSet(StringComparer.Ordinal);
        Assert.All(DesignV1, type => Assert.Contains(type, covered));
    }
}
