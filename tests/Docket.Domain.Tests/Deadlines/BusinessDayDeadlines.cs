using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Deadlines;
using Docket.Domain.Events;
using Docket.Domain.Rules;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// TIME-BUSINESS-DAYS: the voluntary departure bond (VD-POST-60) is due within 5 business
/// days, skipping weekends and holidays; and the other day-counted clocks of docs/http-api.md.
/// </summary>
public sealed class BusinessDayDeadlines
{
    /// <summary>The decision date and the 5th business day after it.</summary>
    public static TheoryData<string, LocalDate, LocalDate> BondCases => new()
    {
        { "Wed 2025-06-18: Juneteenth Thu skipped; Fri, Mon, Tue, Wed, Thu", Day(2025, 6, 18), Day(2025, 6, 26) },
        { "Mon 2025-11-24: Thanksgiving skipped; Tue, Wed, Fri, Mon, Tue", Day(2025, 11, 24), Day(2025, 12, 2) },
        { "Mon 2025-12-22: Christmas Thu skipped; Tue, Wed, Fri, Mon, Tue", Day(2025, 12, 22), Day(2025, 12, 30) },
        { "Mon 2027-12-27: Fri 2027-12-31 (New Year observed) skipped; Tue, Wed, Thu, Mon, Tue", Day(2027, 12, 27), Day(2028, 1, 4) },
        { "Tue 2025-04-01: no holiday; Wed, Thu, Fri, Mon, Tue", Day(2025, 4, 1), Day(2025, 4, 8) },
        { "Fri 2025-05-23: Memorial Day skipped; Tue, Wed, Thu, Fri, Mon", Day(2025, 5, 23), Day(2025, 6, 2) },
    };

    [Theory]
    [MemberData(nameof(BondCases))]
    public void The_voluntary_departure_bond_is_due_on_the_5th_business_day(string counting, LocalDate decided, LocalDate bondDue)
    {
        var decision = new JudgeDecided(
            DecisionOutcome.VoluntaryDepartureGranted,
            Relief: Relief.VoluntaryDeparture,
            RemovalCountry: CountryCode.Parse("MEX"),
            DepartBy: decided.PlusDays(60),
            Appeal: AppealChoice.Reserved) { On = decided };
        var state = CaseHistory.Fold([Opened(), decision]);

        var deadlines = DeadlineCalculator.For(state, CourtCalendar.Default, decided);

        Assert.Contains(new Deadline(DeadlineKinds.VdBond, bondDue, RuleIds.VdPost60), deadlines);
        Assert.Equal(bondDue, CourtCalendar.Default.BusinessDaysAfter(decided, 5));
        Assert.True(CourtCalendar.Default.IsBusinessDay(bondDue), counting);
    }

    [Fact]
    public void The_voluntary_departure_date_rolls_past_a_weekend()
    {
        // Tuesday 2026-04-07 + 60 days = Saturday 2026-06-06, rolled to Monday 2026-06-08 (VD-WEEKEND).
        var decision = new JudgeDecided(
            DecisionOutcome.VoluntaryDepartureGranted,
            RemovalCountry: CountryCode.Parse("BRA"),
            DepartBy: Day(2026, 6, 6),
            Appeal: AppealChoice.Reserved) { On = Day(2026, 4, 7) };
        var state = CaseHistory.Fold([Opened(), decision]);

        Assert.Contains(new Deadline(DeadlineKinds.VoluntaryDeparture, Day(2026, 6, 8), RuleIds.VdPost60), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2026, 4, 8)));
    }

    [Fact]
    public void The_in_absentia_rescission_deadline_is_180_days_rolled()
    {
        // Tuesday 2024-05-14 + 180 = Sunday 2024-11-10; Monday 2024-11-11 is Veterans Day.
        var state = CaseHistory.Fold([Opened(), new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: CountryCode.Parse("GTM"), InAbsentia: true) { On = Day(2024, 5, 14) }]);

        Assert.Contains(new Deadline(DeadlineKinds.InAbsentiaReopen, Day(2024, 11, 12), RuleIds.InabsRescind), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2024, 5, 15)));
    }

    [Fact]
    public void The_credible_fear_review_date_is_7_days_rolled()
    {
        // Friday 2025-06-27 + 7 = Friday 2025-07-04, Independence Day; then the weekend.
        var state = CaseHistory.Fold([
            Opened(),
            new ExpeditedRemovalOrdered { On = Day(2025, 6, 16) },
            new FearExpressed { On = Day(2025, 6, 16) },
            new FearScreeningCompleted(ScreeningOutcome.Negative, JudgeReview.Requested) { On = Day(2025, 6, 27) },
        ]);

        Assert.Contains(new Deadline(DeadlineKinds.CredibleFearReview, Day(2025, 7, 7), RuleIds.CfIjReview), DeadlineCalculator.For(state, CourtCalendar.Default, Day(2025, 6, 28)));
    }
}
