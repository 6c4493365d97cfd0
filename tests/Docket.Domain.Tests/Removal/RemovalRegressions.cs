using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using Docket.Domain.Rules;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Removal;

/// <summary>Removal checks that answered allowed where docs/rules.md stops or fails closed, fixed in the Domain.</summary>
public sealed class RemovalRegressions
{
    private static readonly CountryCode Guatemala = CountryCode.Parse("GTM");

    private static RemovalCheckResult Check(IEnumerable<CaseEvent> events, LocalDate on) =>
        RemovalCheck.Check(CaseHistory.Fold([Opened(), .. events], on), Guatemala, on, CourtCalendar.Default, on);

    [Fact]
    public void Bug_a_date_in_a_finding_read_02_July_beside_the_pages_2_July()
    {
        // APPEAL-IJ-30D, STAY-APPEAL: decided on 2 June 2025, appeal reserved; the window runs to 2 July.
        var result = Check([Notice(null), new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: Guatemala, Appeal: AppealChoice.Reserved) { On = Day(2025, 6, 2) }], Day(2025, 6, 3));

        var window = Assert.Single(result.Findings, f => f.Rule == RuleIds.AppealIj30D);
        Assert.Contains("until Wednesday, 2 July 2025 (30 days", window.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(" 02 ", StringComparison.Ordinal));
    }

    private static IEnumerable<CaseEvent> VawaMotionDenied() =>
    [
        new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: Guatemala, Appeal: AppealChoice.Waived) { On = Day(2025, 3, 4) },
        new MotionFiled(MotionKind.Reopen, MotionGrounds.Vawa) { On = Day(2025, 6, 2) },
        new MotionDecided(MotionOutcome.Denied) { On = Day(2025, 9, 10) },
    ];

    [Theory]
    [InlineData(2025, 9, 10)] // the day of the denial
    [InlineData(2025, 9, 11)]
    [InlineData(2025, 10, 10)] // the last day to appeal the denial (Friday)
    public void Bug_a_VAWA_motion_denial_that_can_still_be_appealed_keeps_removal_stayed(int year, int month, int day)
    {
        // MTR-EXCEPT: the stay lasts "until final disposition, including all appeals"; the
        // check used to allow removal the day after the judge's denial.
        var result = Check(VawaMotionDenied(), new LocalDate(year, month, day));

        Assert.Equal(RemovalOutcome.Blocked, result.Outcome);
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.MtrExcept && f.Blocks);
    }

    [Fact]
    public void A_VAWA_motion_denial_not_appealed_in_time_ends_the_stay()
    {
        var result = Check(VawaMotionDenied(), Day(2025, 10, 14));

        Assert.Equal(RemovalOutcome.Allowed, result.Outcome);
    }

    [Fact]
    public void Another_motion_denial_does_not_stay_removal_during_its_appeal_window()
    {
        // MTR-NO-STAY: only the VAWA motion (and in-absentia rescission) stays removal.
        var events = VawaMotionDenied().Select(e => e is MotionFiled ? new MotionFiled(MotionKind.Reopen, MotionGrounds.Other) { On = e.On } : e);

        Assert.Equal(RemovalOutcome.Allowed, Check(events, Day(2025, 9, 11)).Outcome);
    }

    private static IEnumerable<CaseEvent> ShortVoluntaryDepartureWaived() =>
    [
        new JudgeDecided(DecisionOutcome.VoluntaryDepartureGranted, RemovalCountry: Guatemala, DepartBy: Day(2025, 10, 17), Appeal: AppealChoice.Waived) { On = Day(2025, 9, 2) },
    ];

    [Theory]
    [InlineData(2025, 9, 10)] // the day after the bond was due (Tuesday 2025-09-09)
    [InlineData(2025, 10, 17)] // the last day of the period as granted
    public void Bug_no_bond_on_a_short_waived_grant_needs_review_rather_than_allowing_removal(int year, int month, int day)
    {
        // A grant of 60 days or less with appeal waived may be pre-conclusion VD (VD-PRE-120),
        // which has no bond: ending it for a missing bond (VD-BOND-FAIL) is not certain, so the
        // check fails closed. It used to answer allowed.
        var result = Check(ShortVoluntaryDepartureWaived(), new LocalDate(year, month, day));

        Assert.Equal(RemovalOutcome.NeedsReview, result.Outcome);
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.VdBondFail && !f.Blocks);
    }

    [Fact]
    public void No_bond_on_a_short_waived_grant_stops_mattering_once_the_period_is_over()
    {
        Assert.Equal(RemovalOutcome.Allowed, Check(ShortVoluntaryDepartureWaived(), Day(2025, 10, 18)).Outcome);
    }

    [Fact]
    public void No_bond_on_a_grant_with_appeal_reserved_ends_voluntary_departure_without_review()
    {
        // Appeal reserved: VD at the end of proceedings for certain (VD-POST-60), so VD-BOND-FAIL applies.
        var events = new CaseEvent[]
        {
            new JudgeDecided(DecisionOutcome.VoluntaryDepartureGranted, RemovalCountry: Guatemala, DepartBy: Day(2026, 2, 20), Appeal: AppealChoice.Reserved) { On = Day(2025, 12, 22) },
        };

        Assert.Equal(RemovalOutcome.Allowed, Check(events, Day(2026, 1, 22)).Outcome);
    }

    [Fact]
    public void A_bond_posted_in_time_on_a_short_waived_grant_keeps_the_period_running()
    {
        var events = ShortVoluntaryDepartureWaived().Append(new VoluntaryDepartureBondPosted { On = Day(2025, 9, 8) });

        var result = Check(events, Day(2025, 9, 10));

        Assert.Equal(RemovalOutcome.Blocked, result.Outcome);
    }
}
