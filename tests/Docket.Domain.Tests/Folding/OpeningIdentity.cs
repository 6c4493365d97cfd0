using Docket.Domain.Cases;
using Docket.Domain.Countries;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>Opening a case gives it its identity, keyed by the normalised A-number.</summary>
public sealed class OpeningIdentity
{
    [Fact]
    public void After_CaseOpened_the_case_has_the_identity_it_was_opened_with()
    {
        var state = Given(Opened()).State;

        Assert.True(state.Exists);
        Assert.Equal(
            new CaseIdentity(ANumber.Parse(ANumberDigits), "Quillfeather", "Anselm", Day(1990, 5, 17), CountryCode.Parse("MEX"), "BRM"),
            state.Identity);
    }

    [Fact]
    public void The_identity_holds_the_A_number_normalised_even_when_opened_with_prefix_and_dashes()
    {
        var state = Given(Opened() with { ANumber = "a 012-345 678" }).State;

        Assert.Equal(ANumberDigits, state.Identity!.ANumber.Digits);
    }

    [Fact]
    public void A_new_case_starts_before_proceedings_at_version_one_with_nothing_scheduled()
    {
        var state = Given(Opened()).State;

        Assert.Equal(CaseStage.PreProceedings, state.Stage);
        Assert.Equal(1, state.Version);
        Assert.Null(state.Attorney);
        Assert.Null(state.ScheduledHearing);
        Assert.Null(state.Decision);
        Assert.Single(state.Events);
    }

    [Fact]
    public void An_empty_history_is_no_case()
    {
        var state = Given().State;

        Assert.False(state.Exists);
        Assert.Equal(0, state.Version);
    }
}
