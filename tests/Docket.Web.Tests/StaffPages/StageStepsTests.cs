using Docket.Domain.Cases;
using Docket.Web.Cases.Words;

namespace Docket.Web.Tests.StaffPages;

/// <summary>The case page's step indicator: the path the case took, with the stage it is at.</summary>
public sealed class StageStepsTests
{
    [Theory]
    [InlineData(CaseStage.FinalOrder, "Final order")]
    [InlineData(CaseStage.VoluntaryDeparturePeriod, "Voluntary departure period")]
    [InlineData(CaseStage.Removed, "Removed")]
    public void Bug_a_case_never_appealed_showed_on_appeal_as_a_passed_step_and_now_has_no_such_step(CaseStage stage, string shown)
    {
        var (steps, current) = StageSteps.For(stage, appealed: false);

        Assert.DoesNotContain("On appeal", steps);
        Assert.Equal(shown, steps[current]);
    }

    [Fact]
    public void An_appealed_case_passes_through_on_appeal_to_its_final_order()
    {
        var (steps, current) = StageSteps.For(CaseStage.FinalOrder, appealed: true);

        Assert.Equal(["Before proceedings", "In proceedings", "Decided", "On appeal", "Final order", "Closed"], steps);
        Assert.Equal(4, current);
    }

    [Fact]
    public void A_case_on_appeal_is_at_the_appeal_step()
    {
        var (steps, current) = StageSteps.For(CaseStage.OnAppeal, appealed: false);

        Assert.Equal("On appeal", steps[current]);
        Assert.Equal(3, current);
    }
}
