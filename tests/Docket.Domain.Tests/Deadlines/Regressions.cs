using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>Deadlines that were wrong or missing, fixed in the Domain.</summary>
public sealed class Regressions
{
    [Fact]
    public void Bug_asylum_one_year_from_February_29_uses_the_later_reading_March_1()
    {
        // ASY-1YR with docs/rules.md section 0: 2025 has no February 29; March 1 (a Saturday) is
        // the later of the two readings and rolls to Monday 2025-03-03. It used to be 2025-02-28.
        var state = CaseHistory.Fold([Opened(), new Entered(EntryMethod.WithoutInspection) { On = Day(2024, 2, 29) }]);

        Assert.Contains(new Deadline(DeadlineKinds.AsylumOneYear, Day(2025, 3, 3), RuleIds.Asy1Yr), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2024, 3, 1)));
    }

    [Fact]
    public void Asylum_one_year_from_any_other_day_is_the_anniversary()
    {
        var state = CaseHistory.Fold([Opened(), new Entered(EntryMethod.WithoutInspection) { On = Day(2024, 2, 28) }]);

        Assert.Contains(new Deadline(DeadlineKinds.AsylumOneYear, Day(2025, 2, 28), RuleIds.Asy1Yr), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2024, 3, 1)));
    }

    [Fact]
    public void Bug_an_NTA_served_after_a_positive_fear_finding_lists_the_earliest_first_hearing()
    {
        // NTA-10D applies to the NTA that starts full proceedings after an expedited order; the
        // first-hearing-earliest date was left out whenever an expedited order was on record.
        var state = CaseHistory.Fold([
            Opened(),
            new ExpeditedRemovalOrdered { On = Day(2025, 8, 4) },
            new FearExpressed { On = Day(2025, 8, 4) },
            new FearScreeningCompleted(ScreeningOutcome.Positive, JudgeReview.Declined) { On = Day(2025, 8, 20) },
            new NoticeToAppearServed(ServiceMethod.Personal) { On = Day(2025, 8, 25) },
        ]);

        Assert.Contains(new Deadline(DeadlineKinds.FirstHearingEarliest, Day(2025, 9, 4), RuleIds.Nta10D), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2025, 8, 26)));
    }

    [Fact]
    public void An_expedited_order_after_an_NTA_still_lists_no_first_hearing()
    {
        var state = CaseHistory.Fold([
            Opened(),
            new NoticeToAppearServed(ServiceMethod.Personal) { On = Day(2025, 8, 1) },
            new ExpeditedRemovalOrdered { On = Day(2025, 8, 4) },
        ]);

        Assert.DoesNotContain(DeadlineCalculator.For(state, CourtCalendar.Default, Day(2025, 8, 5)), d => d.Kind == DeadlineKinds.FirstHearingEarliest);
    }

    [Fact]
    public void A_removal_order_with_no_removal_country_still_computes_its_deadlines()
    {
        var state = CaseHistory.Fold([Opened(), new JudgeDecided(DecisionOutcome.RemovalOrdered, Appeal: AppealChoice.Waived) { On = Day(2025, 7, 15) }]);

        // Tuesday 2025-07-15 + 90 = Monday 2025-10-13, Columbus Day: Tuesday 2025-10-14.
        Assert.Contains(new Deadline(DeadlineKinds.MotionToReopen, Day(2025, 10, 14), RuleIds.MtrReopen90D), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2025, 7, 16)));
    }
}
