using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using Docket.Domain.Tests.Stages;

namespace Docket.Domain.Tests.Deciding;

/// <summary>The same departure (destination and date) reported twice is recorded once.</summary>
public sealed class DuplicateDepartureReport
{
    private static readonly CountryCode Mexico = CountryCode.Parse("MEX");

    [Fact]
    public void A_second_report_of_the_same_departure_is_refused_as_a_duplicate()
    {
        var day = StageHistories.Today.PlusDays(-2);
        var state = CaseHistory.Fold([.. StageHistories.For(CaseStage.FinalOrder), new DepartureReported(Mexico, DepartureSource.SelfReport) { On = day }]);

        var again = CaseDecider.Decide(state, new DepartureReported(Mexico, DepartureSource.ExitRecord, "JFK") { On = day }, CourtCalendar.Default, StageHistories.Today);

        Assert.Contains(again.Problems, p => p.Contains("already reported", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_of_another_day_or_destination_is_recorded()
    {
        var day = StageHistories.Today.PlusDays(-2);
        var state = CaseHistory.Fold([.. StageHistories.For(CaseStage.FinalOrder), new DepartureReported(Mexico, DepartureSource.SelfReport) { On = day }]);

        Assert.True(CaseDecider.Decide(state, new DepartureReported(Mexico, DepartureSource.SelfReport) { On = day.PlusDays(1) }, CourtCalendar.Default, StageHistories.Today).Accepted);
        Assert.True(CaseDecider.Decide(state, new DepartureReported(CountryCode.Parse("GTM"), DepartureSource.SelfReport) { On = day }, CourtCalendar.Default, StageHistories.Today).Accepted);
    }
}
