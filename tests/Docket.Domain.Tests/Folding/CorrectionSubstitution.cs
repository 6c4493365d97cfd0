using Docket.Domain.Cases;
using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>The state reads a correction's replacement in place of the event it corrects.</summary>
public sealed class CorrectionSubstitution
{
    [Fact]
    public void Correcting_an_attorneys_name_gives_the_corrected_name()
    {
        Given(Opened(), Attorney("Orsolya Fenimore"))
            .When(Correction(2, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77120"}"""))
            .ThenState(state =>
            {
                Assert.Equal("Orsolya Fennimore", state.Attorney!.Name);
                Assert.Equal("BAR-77120", state.Attorney.BarNumber);
            });
    }

    [Fact]
    public void A_correction_changes_what_followed_from_the_original()
    {
        // The notice's hearing date was mistyped; nothing rescheduled it, so the corrected
        // date is the hearing now set.
        Given(Opened(), Notice(Day(2024, 6, 1)), Attorney())
            .When(Correction(2, """{"type":"NoticeToAppearServed","on":"2024-04-01","method":"personal","hearingDate":"2024-06-10","hearingPlace":"Brindlemoor Immigration Court","charges":[]}"""))
            .ThenState(state => Assert.Equal(Day(2024, 6, 10), state.ScheduledHearing!.Date));
    }

    [Fact]
    public void A_correction_does_not_undo_what_later_events_replaced()
    {
        Given(Opened(), Notice(Day(2024, 6, 1)), Hearing(Day(2024, 9, 2)))
            .When(Correction(2, """{"type":"NoticeToAppearServed","on":"2024-04-01","method":"personal","hearingDate":"2024-06-10","charges":[]}"""))
            .ThenState(state => Assert.Equal(Day(2024, 9, 2), state.ScheduledHearing!.Date));
    }

    [Fact]
    public void Correcting_a_decision_changes_the_stage()
    {
        // Recorded as reserved; the judge's order says appeal was waived.
        Given(Opened(), Notice(Day(2024, 6, 10)), Decided(DecisionOutcome.ReliefGranted, AppealChoice.Reserved))
            .When(Correction(3, """{"type":"JudgeDecided","on":"2024-09-02","outcome":"relief-granted","relief":"asylum","appeal":"waived","alternateCountries":[],"protectedCountries":[],"inAbsentia":false}"""))
            .ThenState(state =>
            {
                Assert.Equal(CaseStage.ReliefGranted, state.Stage);
                Assert.Equal(AppealChoice.Waived, state.Decision!.Appeal);
            });
    }

    [Fact]
    public void The_latest_of_two_corrections_of_one_event_wins()
    {
        var state = CaseHistory.Fold(
        [
            Opened(),
            Attorney("Orsolya Fenimore"),
            Correction(2, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fenimoore","barNumber":"BAR-77120"}"""),
            Correction(2, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77120"}"""),
        ]);

        Assert.Equal("Orsolya Fennimore", state.Attorney!.Name);
        Assert.Equal(4, state.Version);
    }

    [Fact]
    public void A_correction_of_the_opening_does_not_erase_the_identity()
    {
        // CaseDecider refuses such a correction; the fold must not lose the case if one is in the log.
        var state = CaseHistory.Fold(
        [
            Opened(),
            Attorney(),
            Correction(1, """{"type":"AttorneyWithdrew","on":"2024-03-05"}"""),
        ]);

        Assert.True(state.Exists);
        Assert.Equal(ANumberDigits, state.Identity!.ANumber.Digits);
        Assert.Equal("Orsolya Fennimore", state.Attorney!.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)] // itself
    [InlineData(9)] // an event that does not exist
    public void The_fold_ignores_a_correction_of_a_version_that_does_not_precede_it(int correctsVersion)
    {
        var state = CaseHistory.Fold(
        [
            Opened(),
            Attorney(),
            Correction(correctsVersion, """{"type":"AttorneyWithdrew","on":"2024-03-05"}"""),
        ]);

        Assert.Equal("Orsolya Fennimore", state.Attorney!.Name);
        Assert.Equal(3, state.Version);
    }
}
