using System.Collections.Immutable;
using System.Text.Json;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Docket.Domain.Tests.Properties;

/// <summary>
/// Going on with a fold from where it stopped (what the store does for a case appended to since it
/// was last read) gives the state folding the whole stream again gives, corrections included.
/// </summary>
public sealed class FoldContinuedProperty
{
    private static readonly Arbitrary<(CaseEvent[] Events, int At)> Splits =
        (from events in Histories.Stream
         from at in Gen.Choose(1, events.Length)
         select (events, at)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Continuing_a_fold_with_the_events_after_it_gives_the_fold_of_the_whole_stream() =>
        Prop.ForAll(Splits, s =>
        {
            var continued = CaseHistory.Continue(CaseHistory.Fold(s.Events[..s.At]), s.Events[s.At..]);

            return Same(continued, CaseHistory.Fold(s.Events)).Label($"split at {s.At}: {string.Join(" | ", s.Events.Skip(1).Select(EventJson.SerializeBody))}");
        });

    [Fact]
    public void A_correction_among_the_new_events_changes_the_earlier_event_it_corrects()
    {
        var on = new LocalDate(2025, 3, 2);
        CaseEvent[] before = [Synthetic.Opened(), new MailingAddressChanged("1 Lantern Row, Brindlemoor") { On = on }];
        var replacement = JsonSerializer.SerializeToElement(new { type = "MailingAddressChanged", on = "2025-03-02", address = "9 Lantern Row, Brindlemoor" });
        CaseEvent[] more = [new EntryCorrected(2, "the house number was mistyped", replacement) { On = on.PlusDays(1) }];

        var continued = CaseHistory.Continue(CaseHistory.Fold(before), more);

        Assert.Equal("9 Lantern Row, Brindlemoor", continued.MailingAddress);
        Assert.True(Same(continued, CaseHistory.Fold([.. before, .. more])));
    }

    /// <summary>Every field equal, lists element by element (a record compares lists by reference).</summary>
    private static bool Same(CaseState a, CaseState b) =>
        a.Applications.SequenceEqual(b.Applications)
        && a.Appeals.SequenceEqual(b.Appeals)
        && a.Motions.SequenceEqual(b.Motions)
        && a.StayRequests.SequenceEqual(b.StayRequests)
        && a.Stays.SequenceEqual(b.Stays)
        && a.Protections.SequenceEqual(b.Protections)
        && a.ThirdCountryNotices.SequenceEqual(b.ThirdCountryNotices)
        && a.Custody.SequenceEqual(b.Custody)
        && a.Events.SequenceEqual(b.Events)
        && WithoutLists(a) == WithoutLists(b);

    private static CaseState WithoutLists(CaseState s) => s with
    {
        Applications = ImmutableList<ApplicationRecord>.Empty,
        Appeals = ImmutableList<AppealRecord>.Empty,
        Motions = ImmutableList<MotionRecord>.Empty,
        StayRequests = ImmutableList<StayRequestRecord>.Empty,
        Stays = ImmutableList<StayRecord>.Empty,
        Protections = ImmutableList<ProtectionRecord>.Empty,
        ThirdCountryNotices = ImmutableList<ThirdCountryNotice>.Empty,
        Custody = ImmutableList<CustodyRecord>.Empty,
        Events = ImmutableList<CaseEvent>.Empty,
    };
}
