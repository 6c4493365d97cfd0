using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Deciding;

/// <summary>The decider refuses events that make no sense against the history, and accepts the rest.</summary>
public sealed class CaseDeciderProblems
{
    [Fact]
    public void A_CaseOpened_through_Decide_is_a_problem_naming_type()
    {
        Given(Opened())
            .When(Opened() with { On = Day(2024, 8, 1) })
            .ThenProblem("type");
    }

    [Fact]
    public void A_correction_of_the_case_opening_is_a_problem_naming_correctsVersion()
    {
        Given(Opened(), Attorney())
            .When(Correction(1, """{"type":"AttorneyWithdrew","on":"2024-03-05"}"""))
            .ThenProblem("correctsVersion");
    }

    [Theory]
    [InlineData(3)] // the correction's own version
    [InlineData(4)]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_correction_of_a_version_the_case_does_not_have_is_a_problem_naming_correctsVersion(int correctsVersion)
    {
        Given(Opened(), Attorney())
            .When(Correction(correctsVersion, """{"type":"AttorneyWithdrew","on":"2024-03-05"}"""))
            .ThenProblem("correctsVersion");
    }

    [Fact]
    public void A_correction_of_an_earlier_event_is_accepted()
    {
        Given(Opened(), Attorney())
            .When(Correction(2, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121"}"""))
            .ThenState(state => Assert.Equal("BAR-77121", state.Attorney!.BarNumber));
    }

    [Fact]
    public void A_normal_event_is_accepted_with_no_problems_or_violations()
    {
        var then = Given(Opened())
            .When(new MailingAddressChanged("12 Lantern Row, Brindlemoor") { On = Day(2024, 3, 20) })
            .ThenState(state => Assert.Equal("12 Lantern Row, Brindlemoor", state.MailingAddress));

        Assert.True(then.Decision.Accepted);
        Assert.Empty(then.Decision.Problems);
        Assert.Empty(then.Decision.Violations);
    }
}
