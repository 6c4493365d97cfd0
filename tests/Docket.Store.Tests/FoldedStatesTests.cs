using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Store.Cases;
using Docket.Store.Events;
using NodaTime;

namespace Docket.Store.Tests;

/// <summary>A fold is reused only for a stream with exactly the same events; any difference folds afresh.</summary>
public sealed class FoldedStatesTests
{
    private static readonly CaseOpened Opened = new("212000001", "Quillfeather", "Anselm", new LocalDate(1990, 1, 2), CountryCode.Parse("GTM"), "NYC")
    {
        On = new LocalDate(2025, 3, 1),
    };

    [Fact]
    public void The_same_events_read_again_give_the_remembered_state()
    {
        var folds = new FoldedStates();

        var first = folds.Fold(Stream("1 Old Road"));
        var again = folds.Fold(Stream("1 Old Road"));

        Assert.Same(first, again);
        Assert.Equal("1 Old Road", again.MailingAddress);
    }

    [Fact]
    public void A_payload_changed_in_place_folds_afresh()
    {
        var folds = new FoldedStates();
        folds.Fold(Stream("1 Old Road"));

        // Same count, versions and hashes; only the stored text differs (an edit outside Docket).
        var edited = folds.Fold(Stream("2 Edited Road"));

        Assert.Equal("2 Edited Road", edited.MailingAddress);
    }

    [Fact]
    public void An_appended_event_folds_afresh()
    {
        var folds = new FoldedStates();
        var before = folds.Fold(Stream("1 Old Road"));

        var after = folds.Fold([.. Stream("1 Old Road"), Row(3, new MailingAddressChanged("3 New Road") { On = new LocalDate(2025, 3, 3) })]);

        Assert.Equal(2, before.Version);
        Assert.Equal(3, after.Version);
        Assert.Equal("3 New Road", after.MailingAddress);
    }

    [Fact]
    public void An_append_after_an_earlier_event_was_edited_folds_afresh_rather_than_going_on_from_the_remembered_state()
    {
        var folds = new FoldedStates();
        folds.Fold(Stream("1 Old Road"));

        // The first events are no longer those remembered: going on from the remembered state would keep "1 Old Road".
        var after = folds.Fold([.. Stream("2 Edited Road"), Row(3, new AttorneyEntered("Tamsin Oakhollow", "BAR-90311") { On = new LocalDate(2025, 3, 3) })]);

        Assert.Equal("2 Edited Road", after.MailingAddress);
        Assert.Equal("BAR-90311", after.Attorney?.BarNumber);
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public void A_correction_appended_since_the_last_read_changes_the_event_it_corrects()
    {
        var folds = new FoldedStates();
        folds.Fold(Stream("1 Old Road"));
        var replacement = System.Text.Json.JsonSerializer.SerializeToElement(new { type = "MailingAddressChanged", on = "2025-03-02", address = "1 Old Road, Flat 2" });

        var after = folds.Fold([.. Stream("1 Old Road"), Row(3, new EntryCorrected(2, "the flat was left out", replacement) { On = new LocalDate(2025, 3, 3) })]);

        Assert.Equal("1 Old Road, Flat 2", after.MailingAddress);
        Assert.Equal(3, after.Events.Count);
    }

    private static List<EventRow> Stream(string address) =>
        [Row(1, CaseLog.Normalise(Opened)), Row(2, new MailingAddressChanged(address) { On = new LocalDate(2025, 3, 2) })];

    private static EventRow Row(int version, CaseEvent @event)
    {
        var pending = CaseLog.ToPending(@event);
        return new EventRow
        {
            Position = version,
            ANumber = "212000001",
            Version = version,
            Type = pending.Type,
            EffectiveOn = pending.On,
            RecordedAt = "2025-03-01T14:30:15.123Z",
            RecordedBy = "officer-brackwater",
            Payload = pending.Payload,
            PrevHash = new byte[32],
            Hash = new byte[32],
        };
    }
}
