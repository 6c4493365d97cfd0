using Docket.Domain.Events;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Wire;

/// <summary>
/// A stored payload was accepted under the rules of its day, and events are never rewritten:
/// rules added since (lists and flags written out) do not make a recorded case unreadable.
/// </summary>
public sealed class StoredPayloads
{
    [Fact]
    public void A_decision_stored_without_its_country_lists_reads_back()
    {
        var result = EventJson.ParsePayload("JudgeDecided", Synthetic.Day(2024, 9, 2), """{"outcome":"removal-ordered","removalCountry":"MEX","appeal":"reserved","inAbsentia":false}""");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(DecisionOutcome.RemovalOrdered, Assert.IsType<JudgeDecided>(result.Event).Outcome);
    }

    [Fact]
    public void A_notice_stored_without_charges_reads_back()
    {
        var result = EventJson.ParsePayload("NoticeToAppearServed", Synthetic.Day(2024, 4, 1), """{"method":"personal"}""");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public void A_stored_correction_whose_replacement_has_no_lists_still_gives_a_replacement_the_fold_can_read()
    {
        var result = EventJson.ParsePayload(
            "EntryCorrected",
            Synthetic.Day(2024, 10, 1),
            """{"correctsVersion":3,"reason":"the transcript shows appeal was waived","replacement":{"type":"JudgeDecided","on":"2024-09-02","outcome":"removal-ordered","removalCountry":"MEX","appeal":"waived","inAbsentia":false}}""");

        var corrected = Assert.IsType<EntryCorrected>(result.Event);
        var replacement = EventJson.Parse(corrected.Replacement);
        Assert.True(replacement.Succeeded, string.Join("; ", replacement.Errors));
        Assert.Equal(AppealChoice.Waived, Assert.IsType<JudgeDecided>(replacement.Event).Appeal);
    }

    [Fact]
    public void What_was_never_accepted_is_still_refused_when_stored()
    {
        Assert.False(EventJson.ParsePayload("CaseClosed", Synthetic.Day(2025, 6, 1), "{}").Succeeded);
        Assert.False(EventJson.ParsePayload("CaseClosed", Synthetic.Day(2025, 6, 1), """{"reason":"departed","port":"x"}""").Succeeded);
        Assert.False(EventJson.ParsePayload("JudgeDecided", Synthetic.Day(2024, 9, 2), """{"outcome":"terminated","inAbsentia":false}""").Succeeded);
    }
}
