using Docket.Domain.Cases;
using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>The Notice to Appear starts proceedings; the latest setting is the scheduled hearing.</summary>
public sealed class HearingSchedule
{
    [Fact]
    public void A_served_Notice_to_Appear_moves_the_case_into_proceedings()
    {
        Given(Opened())
            .When(Notice(hearingDate: null))
            .ThenState(state =>
            {
                Assert.Equal(CaseStage.InProceedings, state.Stage);
                Assert.Equal(Day(2024, 4, 1), state.NoticeToAppearServedOn);
                Assert.Null(state.ScheduledHearing);
            });
    }

    [Fact]
    public void The_hearing_date_on_the_Notice_to_Appear_becomes_the_scheduled_master_hearing()
    {
        Given(Opened())
            .When(Notice(Day(2024, 6, 10)))
            .ThenState(state => Assert.Equal(
                new Hearing(Day(2024, 6, 10), HearingKind.Master, "Brindlemoor Immigration Court"),
                state.ScheduledHearing));
    }

    [Fact]
    public void A_hearing_scheduled_later_replaces_the_one_on_the_notice()
    {
        Given(Opened(), Notice(Day(2024, 6, 10)))
            .When(Hearing(Day(2024, 9, 2)))
            .ThenState(state => Assert.Equal(
                new Hearing(Day(2024, 9, 2), HearingKind.Individual, "Brindlemoor Immigration Court"),
                state.ScheduledHearing));
    }

    [Fact]
    public void A_second_setting_replaces_the_first_even_when_it_is_earlier()
    {
        Given(Opened(), Notice(null), Hearing(Day(2024, 9, 2)))
            .When(Hearing(Day(2024, 8, 1), HearingKind.Master))
            .ThenState(state => Assert.Equal(Day(2024, 8, 1), state.ScheduledHearing!.Date));
    }

    [Theory]
    [InlineData(2024, 9, 1, true)] // the day before
    [InlineData(2024, 9, 2, true)] // the day itself still counts
    [InlineData(2024, 9, 3, false)] // the day after: the hearing is past
    public void The_next_hearing_is_the_scheduled_one_until_its_day_has_passed(int year, int month, int day, bool upcoming)
    {
        var state = Given(Opened(), Notice(null), Hearing(Day(2024, 9, 2))).State;

        var next = state.NextHearing(Day(year, month, day));

        Assert.Equal(upcoming ? state.ScheduledHearing : null, next);
    }

    [Fact]
    public void A_decision_clears_the_scheduled_hearing()
    {
        Given(Opened(), Notice(Day(2024, 6, 10)))
            .When(Decided(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved))
            .ThenState(state =>
            {
                Assert.Null(state.ScheduledHearing);
                Assert.Null(state.NextHearing(Day(2024, 1, 1)));
            });
    }
}
