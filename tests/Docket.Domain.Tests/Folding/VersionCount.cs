using Docket.Domain.Events;
using static Docket.Domain.Tests.Support.Decider;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>The version is the number of events in the stream, corrections included.</summary>
public sealed class VersionCount
{
    [Fact]
    public void Every_event_adds_one_to_the_version()
    {
        Given(Opened(), Attorney(), Notice(Day(2024, 6, 10)))
            .When(new CustodyStarted { On = Day(2024, 6, 11) })
            .ThenState(state => Assert.Equal(4, state.Version));
    }

    [Fact]
    public void A_correction_counts_as_an_event_of_its_own()
    {
        Given(Opened(), Attorney())
            .When(Correction(2, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Orsolya Fennimore","barNumber":"BAR-77121"}"""))
            .ThenState(state =>
            {
                Assert.Equal(3, state.Version);
                Assert.Equal(3, state.Events.Count);
            });
    }

    [Fact]
    public void The_state_keeps_the_events_as_recorded_not_as_corrected()
    {
        var attorney = Attorney();
        var correction = Correction(2, """{"type":"AttorneyWithdrew","on":"2024-03-05"}""");

        Given(Opened(), attorney)
            .When(correction)
            .ThenState(state =>
            {
                Assert.Same(attorney, state.Events[1]);
                Assert.Same(correction, state.Events[2]);
            });
    }
}
