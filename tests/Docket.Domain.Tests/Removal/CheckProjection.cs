using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Events;
using Docket.Domain.Removal;
using Docket.Domain.Rules;
using Docket.Domain.Tests.Properties;
using Docket.Domain.Tests.Stages;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Docket.Domain.Tests.Removal;

/// <summary>CHECK-PROJECTION: a removal check for a day after today is never allowed.</summary>
public sealed class CheckProjection
{
    private static readonly Arbitrary<(Histories.Checked History, int DaysAhead)> Ahead =
        (from h in Histories.CheckedHistory
         from ahead in Gen.Choose(1, 400)
         select (h, ahead)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property A_check_for_a_later_day_is_never_allowed_and_says_it_is_a_projection() =>
        Prop.ForAll(Ahead, a =>
        {
            var today = a.History.On.PlusDays(-a.DaysAhead);
            var recorded = a.History.Events.Where(e => e.On <= today || e is CaseOpened).ToList();
            var result = RemovalCheck.Check(CaseHistory.Fold(recorded, a.History.On), a.History.To, a.History.On, CourtCalendar.Default, today);

            return (result.Outcome != RemovalOutcome.Allowed && result.Findings.Any(f => f.Rule == RuleIds.CheckProjection))
                .Label($"{result.Outcome} today {today}; {a.History}");
        });

    [Fact]
    public void A_case_clear_on_the_day_is_needs_review_when_asked_ahead_naming_the_open_window()
    {
        var state = StageHistories.State(CaseStage.DecidedAppealable);
        var deadline = Proceedings.AppealDeadline(state, CourtCalendar.Default)!.Value;
        var later = deadline.PlusDays(30);

        var ahead = RemovalCheck.Check(state, Countries.CountryCode.Parse("MEX"), later, CourtCalendar.Default, StageHistories.Today);
        var onTheDay = RemovalCheck.Check(state, Countries.CountryCode.Parse("MEX"), later, CourtCalendar.Default, later);

        Assert.Equal(RemovalOutcome.NeedsReview, ahead.Outcome);
        var projection = Assert.Single(ahead.Findings);
        Assert.Equal(RuleIds.CheckProjection, projection.Rule);
        Assert.Contains($"appeal window is open until {DateWords.Of(deadline)}", projection.Message, StringComparison.Ordinal);
        Assert.Equal(RemovalOutcome.Allowed, onTheDay.Outcome);
    }

    [Fact]
    public void Removal_inside_the_appeal_window_cites_the_appeal_stay_and_the_window()
    {
        var state = StageHistories.State(CaseStage.DecidedAppealable);

        var result = RemovalCheck.Check(state, Countries.CountryCode.Parse("MEX"), StageHistories.Today, CourtCalendar.Default, StageHistories.Today);

        Assert.Equal(RemovalOutcome.Blocked, result.Outcome);
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.StayAppeal && f.Blocks);
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.AppealIj30D && f.Blocks);
    }

    [Fact]
    public void A_violation_that_needs_review_says_so_on_write()
    {
        var state = CaseHistory.Fold([.. StageHistories.For(CaseStage.FinalOrder),
            new DepartureReported(Countries.CountryCode.Parse("MEX"), DepartureSource.SelfReport) { On = StageHistories.Today.PlusDays(-1) }]);

        var decision = CaseDecider.Decide(state, new RemovalCarriedOut(Countries.CountryCode.Parse("MEX")) { On = StageHistories.Today }, CourtCalendar.Default, StageHistories.Today);

        var violation = Assert.Single(decision.Violations);
        Assert.Equal(RuleIds.DepartSelfRemoval, violation.Rule);
        Assert.Equal(ViolationEffect.NeedsReview, violation.Effect);
    }
}
