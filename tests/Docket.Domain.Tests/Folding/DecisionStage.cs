using Docket.Domain.Cases;
using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>
/// Where a judge's decision leaves the case: final when entered in absentia or when appeal is
/// waived, appealable while the appeal window is reserved.
/// </summary>
public sealed class DecisionStage
{
    [Theory]
    [InlineData(DecisionOutcome.RemovalOrdered, null, true, CaseStage.FinalOrder)]
    [InlineData(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved, false, CaseStage.DecidedAppealable)]
    [InlineData(DecisionOutcome.ReliefGranted, AppealChoice.Reserved, false, CaseStage.DecidedAppealable)]
    [InlineData(DecisionOutcome.VoluntaryDepartureGranted, AppealChoice.Reserved, false, CaseStage.DecidedAppealable)]
    [InlineData(DecisionOutcome.RemovalOrdered, AppealChoice.Waived, false, CaseStage.FinalOrder)]
    [InlineData(DecisionOutcome.ReliefGranted, AppealChoice.Waived, false, CaseStage.ReliefGranted)]
    [InlineData(DecisionOutcome.VoluntaryDepartureGranted, AppealChoice.Waived, false, CaseStage.VoluntaryDeparturePeriod)]
    [InlineData(DecisionOutcome.Terminated, AppealChoice.Waived, false, CaseStage.Closed)]
    public void A_decision_moves_the_case_to_the_stage_its_outcome_and_appeal_lead_to(
        DecisionOutcome outcome, AppealChoice? appeal, bool inAbsentia, CaseStage expected)
    {
        Given(Opened(), Notice(Day(2024, 6, 10)))
            .When(Decided(outcome, appeal, inAbsentia))
            .ThenState(state =>
            {
                Assert.Equal(expected, state.Stage);
                Assert.Equal(outcome, state.Decision!.Outcome);
            });
    }

    [Fact]
    public void An_expedited_removal_order_is_a_final_order()
    {
        Given(Opened())
            .When(new ExpeditedRemovalOrdered { On = Day(2024, 2, 1) })
            .ThenState(state => Assert.Equal(CaseStage.FinalOrder, state.Stage));
    }
}
