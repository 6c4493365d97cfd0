using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Countries;
using Docket.Domain.Departures;
using Docket.Domain.Events;
using NodaTime;
using static Docket.Domain.Tests.Support.Synthetic;

namespace Docket.Domain.Tests.Departures;

/// <summary>DEPART-SELF-REMOVAL and VD-OVERSTAY: a verified departure classified by its own date.</summary>
public sealed class DepartureClassification
{
    private static readonly CountryCode Mexico = CountryCode.Parse("MEX");

    private static readonly LocalDate Decided = Day(2025, 3, 3);

    private static readonly CaseEvent[] InProceedings =
    [
        Opened(),
        new Entered(EntryMethod.WithoutInspection) { On = Day(2024, 2, 1) },
        new NoticeToAppearServed(ServiceMethod.Personal, Day(2025, 2, 4), "Brindlemoor Immigration Court", ["212(a)(6)(A)(i)"]) { On = Day(2025, 1, 7) },
        new HearingScheduled(Decided, HearingKind.Master, "Brindlemoor Immigration Court") { On = Day(2025, 2, 4) },
    ];

    private static ClassifiedDeparture? Classify(IEnumerable<CaseEvent> history, LocalDate leftOn) =>
        ClassifiedDeparture.Of(CaseHistory.Fold([.. history,
            new DepartureReported(Mexico, DepartureSource.ExitRecord) { On = leftOn },
            new DepartureVerified { On = leftOn.PlusDays(2) }]), CourtCalendar.Default);

    private static JudgeDecided VoluntaryDeparture(LocalDate departBy) =>
        new(DecisionOutcome.VoluntaryDepartureGranted, Relief.VoluntaryDeparture, Mexico, [], [], departBy, AppealChoice.Waived) { On = Decided };

    [Fact]
    public void A_departure_inside_the_voluntary_departure_period_is_timely_even_on_the_rolled_last_day()
    {
        // departBy Saturday 2025-06-28 rolls to Monday 2025-06-30 (VD-WEEKEND).
        var departure = Classify([.. InProceedings, VoluntaryDeparture(Day(2025, 6, 28))], Day(2025, 6, 30));

        Assert.Equal(DepartureKind.TimelyVoluntaryDeparture, departure!.Kind);
        Assert.False(departure.Overstay);
    }

    [Fact]
    public void A_departure_after_the_period_is_a_self_removal_and_an_overstay()
    {
        var departure = Classify([.. InProceedings, VoluntaryDeparture(Day(2025, 6, 28))], Day(2025, 7, 1));

        Assert.Equal(DepartureKind.SelfRemoval, departure!.Kind);
        Assert.True(departure.Overstay);
    }

    [Fact]
    public void A_departure_under_a_removal_order_is_a_self_removal_and_no_overstay()
    {
        var order = new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: Mexico, AlternateCountries: [], ProtectedCountries: [], Appeal: AppealChoice.Waived) { On = Decided };

        var departure = Classify([.. InProceedings, order], Day(2025, 3, 20));

        Assert.Equal(DepartureKind.SelfRemoval, departure!.Kind);
        Assert.False(departure.Overstay);
    }

    [Fact]
    public void A_departure_while_an_appeal_is_pending_is_a_self_removal()
    {
        var order = new JudgeDecided(DecisionOutcome.RemovalOrdered, RemovalCountry: Mexico, AlternateCountries: [], ProtectedCountries: [], Appeal: AppealChoice.Reserved) { On = Decided };

        var departure = Classify([.. InProceedings, order, new AppealFiled { On = Day(2025, 3, 20) }], Day(2025, 4, 15));

        Assert.Equal(DepartureKind.SelfRemoval, departure!.Kind);
    }

    [Fact]
    public void A_departure_before_any_order_is_a_departure_without_order()
    {
        var departure = Classify(InProceedings, Day(2025, 2, 20));

        Assert.Equal(DepartureKind.DepartureWithoutOrder, departure!.Kind);
        Assert.False(departure.Overstay);
    }

    [Fact]
    public void A_period_ended_by_a_motion_is_not_overstayed()
    {
        var motion = new MotionFiled(MotionKind.Reopen, MotionGrounds.Other) { On = Day(2025, 4, 1) };

        var departure = Classify([.. InProceedings, VoluntaryDeparture(Day(2025, 6, 28)), motion], Day(2025, 7, 15));

        Assert.Equal(DepartureKind.SelfRemoval, departure!.Kind);
        Assert.False(departure.Overstay);
    }

    [Fact]
    public void An_unverified_report_is_not_classified()
    {
        var state = CaseHistory.Fold([.. InProceedings, new DepartureReported(Mexico, DepartureSource.SelfReport) { On = Day(2025, 2, 20) }]);

        Assert.Null(ClassifiedDeparture.Of(state, CourtCalendar.Default));
    }
}
