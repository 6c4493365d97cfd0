using Docket.Domain.Cases;
using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>An appeal puts the case before the board; its outcome decides where the case goes next.</summary>
public sealed class AppealStage
{
    private static readonly AppealFiled Appealed = new() { On = Day(2024, 9, 20) };

    [Fact]
    public void An_appeal_filed_puts_the_case_on_appeal()
    {
        Given(Opened(), Notice(Day(2024, 6, 10)), Decided(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved))
            .When(Appealed)
            .ThenState(state => Assert.Equal(CaseStage.OnAppeal, state.Stage));
    }

    [Fact]
    public void An_appeal_dismissed_makes_the_order_final()
    {
        Given(Opened(), Notice(Day(2024, 6, 10)), Decided(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved), Appealed)
            .When(new AppealDecided(AppealOutcome.Dismissed) { On = Day(2025, 2, 14) })
            .ThenState(state => Assert.Equal(CaseStage.FinalOrder, state.Stage));
    }

    [Theory]
    [InlineData(AppealOutcome.Sustained)]
    [InlineData(AppealOutcome.Remanded)]
    public void An_appeal_sustained_or_remanded_returns_the_case_to_proceedings(AppealOutcome outcome)
    {
        Given(Opened(), Notice(Day(2024, 6, 10)), Decided(DecisionOutcome.RemovalOrdered, AppealChoice.Reserved), Appealed)
            .When(new AppealDecided(outcome) { On = Day(2025, 2, 14) })
            .ThenState(state => Assert.Equal(CaseStage.InProceedings, state.Stage));
    }
}
