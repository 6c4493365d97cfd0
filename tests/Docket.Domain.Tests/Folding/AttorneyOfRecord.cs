using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>The attorney of record is whoever entered last and has not withdrawn.</summary>
public sealed class AttorneyOfRecord
{
    [Fact]
    public void An_attorney_who_entered_is_the_attorney_of_record_since_that_date()
    {
        Given(Opened())
            .When(Attorney())
            .ThenState(state =>
            {
                Assert.NotNull(state.Attorney);
                Assert.Equal("Orsolya Fennimore", state.Attorney.Name);
                Assert.Equal("BAR-77120", state.Attorney.BarNumber);
                Assert.Equal(Day(2024, 3, 5), state.Attorney.Since);
            });
    }

    [Fact]
    public void An_attorney_who_entered_then_withdrew_leaves_no_attorney_of_record()
    {
        Given(Opened(), Attorney())
            .When(new AttorneyWithdrew { On = Day(2024, 6, 30) })
            .ThenState(state => Assert.Null(state.Attorney));
    }

    [Fact]
    public void A_new_attorney_replaces_the_previous_one()
    {
        Given(Opened(), Attorney())
            .When(Attorney("Tamsin Oakhollow", "BAR-90311") with { On = Day(2024, 7, 1) })
            .ThenState(state =>
            {
                Assert.Equal("Tamsin Oakhollow", state.Attorney!.Name);
                Assert.Equal(Day(2024, 7, 1), state.Attorney.Since);
            });
    }
}
