using Docket.Domain.Cases;
using Docket.Domain.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Folding;

/// <summary>The fold is a pure function of the stream: the same events always give the same state.</summary>
public sealed class FoldDeterminismProperty
{
    private static readonly Gen<CaseEvent> AnyFollowingEvent = Gen.OneOf<CaseEvent>(
        Gen.Constant<CaseEvent>(Attorney()),
        Gen.Constant<CaseEvent>(new AttorneyWithdrew { On = Day(2024, 6, 30) }),
        Gen.Choose(1, 28).Select(d => (CaseEvent)Notice(Day(2024, 6, d))),
        Gen.Choose(1, 28).Select(d => (CaseEvent)Hearing(Day(2024, 9, d))),
        Gen.Elements(Enum.GetValues<DecisionOutcome>()).SelectMany(
            outcome => Gen.Elements<AppealChoice?>(AppealChoice.Reserved, AppealChoice.Waived, null),
            (outcome, appeal) => (CaseEvent)Decided(outcome, appeal, inAbsentia: appeal is null)),
        Gen.Constant<CaseEvent>(new AppealFiled { On = Day(2024, 9, 20) }),
        Gen.Elements(Enum.GetValues<AppealOutcome>()).Select(o => (CaseEvent)new AppealDecided(o) { On = Day(2025, 2, 14) }),
        Gen.Constant<CaseEvent>(new CustodyStarted { On = Day(2025, 4, 2) }),
        Gen.Constant<CaseEvent>(new DepartureVerified { On = Day(2025, 5, 27) }),
        Gen.Choose(1, 6).Select(v => (CaseEvent)Correction(v, """{"type":"AttorneyEntered","on":"2024-03-05","name":"Tamsin Oakhollow","barNumber":"BAR-90311"}""")),
        Gen.Choose(1, 6).Select(v => (CaseEvent)Correction(v, """{"type":"AppealDecided","on":"2025-02-14","outcome":"dismissed"}""")));

    private static readonly Arbitrary<CaseEvent[]> Streams =
        AnyFollowingEvent.ArrayOf().Select(rest => (CaseEvent[])[Opened(), .. rest]).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Folding_the_same_stream_twice_gives_the_same_stage_version_and_identity() =>
        Prop.ForAll(Streams, stream =>
        {
            var first = CaseHistory.Fold(stream);
            var second = CaseHistory.Fold(stream);

            return first.Stage == second.Stage
                && first.Version == second.Version
                && Equals(first.Identity, second.Identity)
                && Equals(first.Attorney, second.Attorney)
                && Equals(first.ScheduledHearing, second.ScheduledHearing);
        });

    [Property(MaxTest = 300)]
    public Property The_version_is_the_number_of_events_and_the_identity_survives_any_stream() =>
        Prop.ForAll(Streams, stream =>
        {
            var state = CaseHistory.Fold(stream);

            return state.Version == stream.Length
                && state.Events.Count == stream.Length
                && state.Identity?.ANumber.Digits == ANumberDigits;
        });
}
