using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Domain.Statistics;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Statistics;

/// <summary>What a case adds to the statistics: its verified departure and each of its judge's decisions.</summary>
public sealed class CaseContributionTests
{
    private static CaseContribution Of(params CaseEvent[] events) =>
        CaseContribution.Of(CaseHistory.Fold([Opened(), .. events]), CourtCalendar.Default);

    [Fact]
    public void A_decision_counts_its_fiscal_year_month_court_relief_representation_and_in_absentia()
    {
        var granted = new JudgeDecided(DecisionOutcome.ReliefGranted, Relief.Asylum, Appeal: AppealChoice.Waived) { On = Day(2024, 10, 1) };

        var contribution = Of(Attorney(), Notice(null), Hearing(Day(2024, 9, 30)), granted);

        Assert.Equal([new OutcomeFact("2024-10", "Brindlemoor Immigration Court", "asylum", "represented", "false")], contribution.Outcomes);
        Assert.Equal("FY2025", FiscalYear.Name(StatisticsMonth.Parse(contribution.Outcomes[0].Month)));
    }

    [Fact]
    public void An_in_absentia_order_without_an_attorney_or_a_scheduled_hearing()
    {
        var contribution = Of(Notice(null), Decided(DecisionOutcome.RemovalOrdered, null, inAbsentia: true));

        Assert.Equal([new OutcomeFact("2024-09", "unknown", "none", "unrepresented", "true")], contribution.Outcomes);
    }

    [Fact]
    public void An_attorney_who_withdrew_before_the_decision_does_not_count()
    {
        var contribution = Of(Attorney(), new AttorneyWithdrew { On = Day(2024, 6, 1) }, Notice(null), Decided(DecisionOutcome.Terminated, AppealChoice.Waived));

        Assert.Equal("unrepresented", contribution.Outcomes.Single().Representation);
    }

    [Fact]
    public void A_departure_counts_once_verified_in_the_month_of_its_own_date()
    {
        var reported = new DepartureReported(CountryCode.Parse("GTM"), DepartureSource.SelfReport) { On = Day(2024, 7, 31) };
        var verified = new DepartureVerified { On = Day(2024, 8, 5) };

        Assert.Null(Of(reported).Departure);
        Assert.Equal(new DepartureFact("2024-07", "GTM", "departure-without-order", "self-report"), Of(reported, verified).Departure);
        // A second report of the same departure after the first was verified is still one departure.
        Assert.NotNull(Of(reported, verified, reported with { Source = DepartureSource.ExitRecord }, verified).Departure);
    }
}
